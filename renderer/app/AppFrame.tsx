import { formatDateVi } from '../../shared/format/date';
import { useEffect, useMemo, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate, useOutletContext } from 'react-router';
import type { AppInfo } from '../../shared/api/app';
import type { OfficeInfo } from '../../shared/api/office';
import { ErrorBoundary } from './ErrorNet';
import { LevelNotice } from './LevelNotice';
import { Redirect } from './Redirect';
import { SCREENS } from './screens';
import { initialYear, parseYearPath, rememberedYear, rememberYear, vietnamYear, YEAR_SCREENS, yearChoices, type YearContext } from './working-year';

/** What the frame gives the screens: reloading the app's own data (after a restore replaced it) and the working year. */
export interface FrameContext extends YearContext {
  reloadApp: () => Promise<void>;
}

export const useFrame = () => useOutletContext<FrameContext>();

export function AppFrame({ info, office, reloadApp }: { info: AppInfo; office: OfficeInfo; reloadApp: () => Promise<void> }) {
  const location = useLocation();
  const navigate = useNavigate();
  const currentYear = vietnamYear();
  const route = parseYearPath(location.pathname);
  const [workingYear, setWorkingYear] = useState(() => route.year ?? initialYear(rememberedYear(info.dataFile), info.dataYears, currentYear));

  // The year in the URL is the working year: opening a screen of another year (a link, the screen's own year field)
  // makes it the year of every screen, and it is remembered for the next start.
  useEffect(() => {
    if (route.year !== null && route.year !== workingYear) setWorkingYear(route.year);
  }, [route.year, workingYear]);
  useEffect(() => rememberYear(info.dataFile, workingYear), [info.dataFile, workingYear]);

  const choices = useMemo(() => yearChoices(info.dataYears, currentYear, workingYear), [info.dataYears, currentYear, workingYear]);

  function chooseYear(year: number) {
    setWorkingYear(year);
    if (YEAR_SCREENS.has(route.screen)) navigate(`/${route.screen}/${year}`);
  }

  // A year screen opened without its year takes the working one, so the URL always says which year is shown.
  if (YEAR_SCREENS.has(route.screen) && route.year === null) {
    return <Redirect to={`/${route.screen}/${workingYear}${location.search}`} />;
  }

  const context: FrameContext = { reloadApp, workingYear };
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
          {office.level === 'xa' ? (
            <div className="badge badge-level" data-testid="office-level" title={office.formedFrom.length ? `Hình thành từ: ${office.formedFrom.map((u) => u.name).join(', ')}` : ''}>
              {office.levelName}
              {office.levelValidFrom ? ` · từ ${formatDateVi(office.levelValidFrom)}` : ''}
            </div>
          ) : null}
        </div>
        <label className="working-year">
          <span>Năm làm việc</span>
          <select aria-label="Năm làm việc" value={workingYear} onChange={(e) => chooseYear(Number(e.target.value))}>
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}
                {info.dataYears.includes(y) ? '' : ' (chưa có số liệu)'}
              </option>
            ))}
          </select>
        </label>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.path}>
              <NavLink
                to={YEAR_SCREENS.has(s.path) ? `/${s.path}/${workingYear}` : `/${s.path}`}
                className={() => (route.screen === s.path ? 'nav-link active' : 'nav-link')}
                aria-current={route.screen === s.path ? 'page' : undefined}
              >
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {info.warnings.map((w, i) => (
          <div key={i} className="error-banner" role="alert">
            {w}
          </div>
        ))}
        {info.levelNotice ? <LevelNotice notice={info.levelNotice} dataFile={info.dataFile} /> : null}
        {/* A screen that fails to render is replaced by a note; choosing another screen starts afresh. */}
        <ErrorBoundary key={location.pathname}>
          <Outlet context={context} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
