// Resource attributes and service naming shared by the OTLP exporter and the fixture frames. Browser-safe.
import type { Attributes } from './model';

export interface ResourceSettings {
  /** OTEL_SERVICE_NAME: replaces the `tasker` prefix of every simulated service name. */
  serviceNamePrefix?: string;
  /** OTEL_SERVICE_VERSION (default 0.1.0, as tasker-core). */
  serviceVersion?: string;
  /** DEPLOYMENT_ENVIRONMENT (default development, as tasker-core). */
  environment?: string;
}

export const INSTRUMENTATION_SCOPE = { name: 'tasker-core', version: '0.1.0' } as const;

/** `tasker-orchestration` → `<prefix>-orchestration` when a prefix is set; unchanged otherwise. */
export function serviceName(simulated: string, settings: ResourceSettings = {}): string {
  const prefix = settings.serviceNamePrefix?.trim();
  if (!prefix) {
    return simulated;
  }
  return simulated.startsWith('tasker-') ? `${prefix}-${simulated.slice('tasker-'.length)}` : `${prefix}-${simulated}`;
}

export function resourceAttributes(simulated: string, settings: ResourceSettings = {}): Attributes {
  return {
    'service.name': serviceName(simulated, settings),
    'service.version': settings.serviceVersion || '0.1.0',
    'deployment.environment': settings.environment || 'development',
    'telemetry.sdk.name': 'opentelemetry',
    'telemetry.sdk.language': 'rust',
  };
}

/** Resource settings from the environment variables tasker-core reads. */
export function resourceSettingsFromEnv(env: Record<string, string | undefined>): ResourceSettings {
  return {
    serviceNamePrefix: env.OTEL_SERVICE_NAME || undefined,
    serviceVersion: env.OTEL_SERVICE_VERSION || undefined,
    environment: env.DEPLOYMENT_ENVIRONMENT || env.TASKER_ENV || undefined,
  };
}
