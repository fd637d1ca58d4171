/**
 * The one message line of a screen or panel: an error (role alert) takes precedence over a confirmation or hint
 * (role status); nothing when there is neither.
 */
export function MessageArea({ error, info }: { error: string | null | undefined; info?: string | null | undefined }) {
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
