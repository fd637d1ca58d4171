import { NavLink, Outlet } from 'react-router';
import type { OfficeInfo } from '../../shared/api/types';
import { SCREENS } from './screens';

export function AppFrame({ office, warnings }: { office: OfficeInfo; warnings: string[] }) {
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
        <Outlet />
      </main>
    </div>
  );
}
