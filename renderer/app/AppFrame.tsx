import { NavLink, Outlet, useLocation, useOutletContext } from 'react-router';
import type { OfficeInfo } from '../../shared/api/types';
import { ErrorBoundary } from './ErrorNet';
import { SCREENS } from './screens';

/** What the frame gives the screens: reloading the app's own data (after a restore replaced it). */
export interface FrameContext {
  reloadApp: () => Promise<void>;
}

export const useFrame = () => useOutletContext<FrameContext>();

export function AppFrame({ office, warnings, reloadApp }: { office: OfficeInfo; warnings: string[]; reloadApp: () => Promise<void> }) {
  const location = useLocation();
  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Các màn hình">
        <div className="brand">
          <div className="brand-name">Sổ vốn MTQG</div>
          <div className="brand-office">{office.name}</div>
          {office.pilot ? (
            <div className="badge badge-pilot" title={office.pilotBasis ?? ''}>
              Huyện thí điểm NQ 111
            </div>
          ) : null}
        </div>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.path}>
              <NavLink to={`/${s.path}`} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {warnings.map((w, i) => (
          <div key={i} className="error-banner" role="alert">
            {w}
          </div>
        ))}
        {/* A screen that fails to render is replaced by a note; choosing another screen starts afresh. */}
        <ErrorBoundary key={location.pathname}>
          <Outlet context={{ reloadApp } satisfies FrameContext} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
