/** The one line under a screen's title: an error (role alert) takes precedence over a confirmation or hint. */
export function StatusBanner({ error, info }: { error: string | null | undefined; info?: string | null }) {
  if (error) {
    return (
      <div className="error-banner" role="alert">
        {error}
      </div>
    );
  }
  if (info) {
    return (
      <div className="hint-banner" role="status">
        {info}
      </div>
    );
  }
  return null;
}
