/** Reloads Grafana so the app picks up the saved settings (Grafana caches plugin meta at load time). */
export function reloadPage(): void {
  window.location.reload();
}
