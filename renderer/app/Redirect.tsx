import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** The route path the browser is on now (the hash route's path, without its query), as the hash router reads it. */
function currentHashPath(): string {
  const path = window.location.hash.slice(1).split(/[?#]/)[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * A replacing redirect that yields to a newer route. react-router's `<Navigate>` navigates in an effect, after the
 * render; a route asked for between the two (a link or bookmark opened while the app was still reading the office)
 * would be overwritten by the first screen. This one only redirects while the browser is still on the route it was
 * rendered for.
 */
export function Redirect({ to }: { to: string }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (currentHashPath() !== pathname) return; // a newer route was asked for: the router is about to show it
    void navigate(to, { replace: true });
  }, [navigate, pathname, to]);
  return null;
}
