import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, Stack, TextArea, useStyles2 } from '@grafana/ui';
import { PLUGIN_ID } from '../constants';
import { DEFAULT_PHASE_RULES } from '../flow/phaseRules';
import { probeDatasources, type ProbeResult } from '../data/probes';
import { toDataError } from '../data/errors';
import { resolveAppSettings } from '../settings/defaults';
import type { AppJsonData } from '../settings/types';
import { AttributeFields } from '../components/settings/AttributeFields';
import { LogFields } from '../components/settings/LogFields';
import { ProbeResults } from '../components/settings/ProbeResults';
import { ProvisionedNotice } from '../components/settings/ProvisionedNotice';
import { reloadPage } from '../components/settings/reloadPage';
import {
  formFromJsonData,
  jsonDataFromForm,
  rulesText,
  settingsErrors,
  type SettingsForm,
} from '../components/settings/settingsForm';
import { testIds } from '../testIds';

export type AppConfigProps = PluginConfigPageProps<AppPluginMeta<AppJsonData>>;

type Kind = 'tempo' | 'loki' | 'prometheus';
const PICKERS: Array<{ kind: Kind; label: string; key: 'tempoUid' | 'lokiUid' | 'prometheusUid' }> = [
  { kind: 'tempo', label: 'Tempo (traces)', key: 'tempoUid' },
  { kind: 'loki', label: 'Loki (logs)', key: 'lokiUid' },
  { kind: 'prometheus', label: 'Prometheus (metrics)', key: 'prometheusUid' },
];

/** Admin settings: datasources, attribute keys, log mode, phase rules and limits, with a probe of each datasource. */
function AppConfig({ plugin }: AppConfigProps) {
  const styles = useStyles2(getStyles);
  const meta = plugin.meta;
  const [form, setForm] = useState<SettingsForm>(() => formFromJsonData(meta.jsonData));
  const errors = useMemo(() => settingsErrors(form), [form]);
  const valid = Object.keys(errors).length === 0;
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [testing, setTesting] = useState(false);
  const [probes, setProbes] = useState<ProbeResult[]>();
  const probeAbort = useRef<AbortController>();

  // Leaving the page drops a running probe.
  useEffect(() => () => probeAbort.current?.abort(), []);

  const set = (patch: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    if (!valid) {
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      // The page says how saving went (it reloads, or shows the error): Grafana's own toasts would say it twice.
      await getBackendSrv().post(
        `/api/plugins/${PLUGIN_ID}/settings`,
        { enabled: true, pinned: meta.pinned ?? true, jsonData: jsonDataFromForm(form, meta.jsonData) },
        { showSuccessAlert: false, showErrorAlert: false }
      );
      reloadPage();
    } catch (e) {
      const err = toDataError(e, { action: 'Saving the settings' });
      setSaveError(`${err.title}. ${err.hint}`);
      setSaving(false);
    }
  };

  const test = async () => {
    probeAbort.current?.abort();
    const controller = new AbortController();
    probeAbort.current = controller;
    setTesting(true);
    setProbes(undefined);
    // Probe what the form holds now, saved or not.
    const settings = resolveAppSettings(valid ? jsonDataFromForm(form, meta.jsonData) : meta.jsonData);
    const results = await probeDatasources(settings, controller.signal);
    if (!controller.signal.aborted) {
      setProbes(results);
      setTesting(false);
    }
  };

  return (
    <div className={styles.page} data-testid={testIds.settings.page}>
      {!meta.enabled && (
        <Alert title="The app is not enabled" severity="info">
          Saving these settings enables it.
        </Alert>
      )}
      {meta.jsonData?.provisioned === true && <ProvisionedNotice />}
      <FieldSet label="Datasources">
        {PICKERS.map(({ kind, label, key }) => (
          <Field
            key={kind}
            label={label}
            invalid={Boolean(errors[key])}
            error={errors[key]}
            data-testid={testIds.settings.datasource(kind)}
          >
            <DataSourcePicker
              type={kind}
              current={form[key]}
              onChange={(ds) => set({ [key]: ds.uid } as Partial<SettingsForm>)}
              inputId={`tasker-${kind}-datasource`}
              width={40}
              noDefault
            />
          </Field>
        ))}
      </FieldSet>

      <FieldSet label="Span attributes">
        <p className={styles.help}>Where Tasker&apos;s ids live in its spans. Defaults match tasker-core.</p>
        <AttributeFields query={form.query} errors={errors} onChange={(query) => set({ query })} />
        <Field
          label="Service name regex"
          description="RE2 regex over resource.service.name that selects Tasker's services"
          invalid={Boolean(errors.serviceRegex)}
          error={errors.serviceRegex}
        >
          <Input
            value={form.query.serviceRegex}
            onChange={(e) => set({ query: { ...form.query, serviceRegex: e.currentTarget.value } })}
            width={40}
            data-testid={testIds.settings.serviceRegex}
          />
        </Field>
      </FieldSet>

      <FieldSet label="Logs">
        <LogFields query={form.query} errors={errors} onChange={(query) => set({ query })} />
      </FieldSet>

      <FieldSet label="Phase rules">
        <p className={styles.help}>
          A JSON list of rules, tried in order: {'{'}&quot;phase&quot;, &quot;names&quot;: [span names],
          &quot;pattern&quot;: regex{'}'}. Phases: initialization, enqueueing, execution, result_processing,
          finalization, other.
        </p>
        <Field label="Rules" invalid={Boolean(errors.phaseRules)} error={errors.phaseRules}>
          <TextArea
            value={form.phaseRulesText}
            onChange={(e) => set({ phaseRulesText: e.currentTarget.value })}
            rows={14}
            className={styles.code}
            spellCheck={false}
            data-testid={testIds.settings.phaseRules}
          />
        </Field>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => set({ phaseRulesText: rulesText(DEFAULT_PHASE_RULES) })}
          data-testid={testIds.settings.phaseRulesReset}
        >
          Reset to defaults
        </Button>
      </FieldSet>

      <FieldSet label="Limits">
        <Field label="Tasks per search" invalid={Boolean(errors.searchLimit)} error={errors.searchLimit}>
          <Input
            type="number"
            value={form.searchLimit}
            onChange={(e) => set({ searchLimit: e.currentTarget.value })}
            width={12}
            data-testid={testIds.settings.searchLimit}
          />
        </Field>
        <Field
          label="Traces per task"
          description="Traces fetched at most to draw one task's flow"
          invalid={Boolean(errors.maxTracesPerTask)}
          error={errors.maxTracesPerTask}
        >
          <Input
            type="number"
            value={form.maxTracesPerTask}
            onChange={(e) => set({ maxTracesPerTask: e.currentTarget.value })}
            width={12}
            data-testid={testIds.settings.maxTraces}
          />
        </Field>
        <Field
          label="History look-back (days)"
          description="A task's flow page compares its phases and steps with runs of the same task over this many days"
          invalid={Boolean(errors.historyLookbackDays)}
          error={errors.historyLookbackDays}
        >
          <Input
            type="number"
            value={form.historyLookbackDays}
            onChange={(e) => set({ historyLookbackDays: e.currentTarget.value })}
            width={12}
            data-testid={testIds.settings.historyLookback}
          />
        </Field>
      </FieldSet>

      {saveError && (
        <Alert title="The settings were not saved" severity="error" data-testid={testIds.settings.saveError}>
          {saveError}
        </Alert>
      )}
      <Stack direction="row" gap={1}>
        <Button
          onClick={save}
          disabled={!valid || saving}
          icon={saving ? 'spinner' : undefined}
          data-testid={testIds.settings.save}
        >
          {meta.enabled ? 'Save settings' : 'Save and enable'}
        </Button>
        <Button
          variant="secondary"
          onClick={test}
          disabled={testing}
          icon={testing ? 'spinner' : 'heart-rate'}
          data-testid={testIds.settings.test}
        >
          Test
        </Button>
      </Stack>
      {!valid && <div className={styles.help}>Fix the highlighted fields to save.</div>}
      {testing && (
        <div className={styles.help} data-testid={testIds.settings.testing}>
          Asking each datasource…
        </div>
      )}
      {probes && <ProbeResults results={probes} />}
    </div>
  );
}

export default AppConfig;

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), maxWidth: 900 }),
  help: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  code: css({ fontFamily: theme.typography.fontFamilyMonospace, fontSize: theme.typography.bodySmall.fontSize }),
});
