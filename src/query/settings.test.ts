import { InvalidQuerySettingError } from './errors';
import { DEFAULT_QUERY_SETTINGS, resolveQuerySettings } from './settings';

function settingError(fn: () => unknown): InvalidQuerySettingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidQuerySettingError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected an InvalidQuerySettingError');
}

describe('resolveQuerySettings', () => {
  it('returns the defaults for nothing', () => {
    expect(resolveQuerySettings()).toEqual(DEFAULT_QUERY_SETTINGS);
    expect(resolveQuerySettings(null)).toEqual(DEFAULT_QUERY_SETTINGS);
  });

  it('holds the documented defaults', () => {
    const d = DEFAULT_QUERY_SETTINGS;
    expect(d.attributes.correlationId).toEqual({ scope: 'span', key: 'correlation_id' });
    expect(d.attributes.taskUuid).toEqual({ scope: 'span', key: 'task_uuid' });
    expect(d.attributes.stepUuid).toEqual({ scope: 'span', key: 'step_uuid' });
    expect(d.attributes.namespace).toEqual({ scope: 'any', key: 'namespace' });
    expect(d.attributes.taskName).toEqual({ scope: 'span', key: 'task_name' });
    expect(d.attributes.stepName).toEqual({ scope: 'span', key: 'step_name' });
    expect(d.logMode).toBe('structured-metadata');
    expect(new RegExp(d.serviceRegex).test('tasker-core')).toBe(true);
    expect(new RegExp(d.serviceRegex).test('tasker-orchestration')).toBe(true);
    expect(new RegExp(d.serviceRegex).test('other-tasker-x')).toBe(false);
  });

  it('merges partial overrides field by field; blank overrides keep the default', () => {
    const s = resolveQuerySettings({
      attributes: { namespace: { scope: 'resource', key: '' } } as never,
      logFields: { level: 'severity_text' } as never,
      logMode: 'logfmt',
      streamLabel: ' ',
    });
    expect(s.attributes.namespace).toEqual({ scope: 'resource', key: 'namespace' });
    expect(s.attributes.taskUuid).toEqual(DEFAULT_QUERY_SETTINGS.attributes.taskUuid);
    expect(s.logFields.level).toBe('severity_text');
    expect(s.logFields.traceId).toBe('trace_id');
    expect(s.logMode).toBe('logfmt');
    expect(s.streamLabel).toBe('service_name');
  });

  it('names the setting that cannot be used', () => {
    expect(settingError(() => resolveQuerySettings({ logMode: 'syslog' as never })).setting).toBe('logMode');
    expect(settingError(() => resolveQuerySettings({ streamLabel: 'service.name' })).setting).toBe('streamLabel');
    expect(
      settingError(() => resolveQuerySettings({ logFields: { correlationId: 'correlation-id' } as never })).setting
    ).toBe('logFields.correlationId');
    expect(
      settingError(() => resolveQuerySettings({ attributes: { stepName: { scope: 'event', key: 'x' } } as never }))
        .setting
    ).toBe('attributes.stepName.scope');
    expect(
      settingError(() => resolveQuerySettings({ attributes: { stepName: { scope: 'span', key: '$var' } } as never }))
        .setting
    ).toBe('attributes.stepName.key');
    expect(settingError(() => resolveQuerySettings({ serviceRegex: 'a\nb' })).setting).toBe('serviceRegex');
  });

  it('does not let callers change the defaults', () => {
    expect(Object.isFrozen(DEFAULT_QUERY_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_QUERY_SETTINGS.attributes.namespace)).toBe(true);
  });
});
