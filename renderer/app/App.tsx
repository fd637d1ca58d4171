import { useCallback, useEffect, useState } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import type { AppInfo } from '../../shared/api/app';
import { api } from '../api/client';
import { coalesced, onDataChanged } from '../api/data-changed';
import { AssignmentsScreen } from '../screens/assignments/AssignmentsScreen';
import { CatalogScreen } from '../screens/catalog/CatalogScreen';
import { DecisionEditor } from '../screens/decisions/DecisionEditor';
import { DecisionsScreen } from '../screens/decisions/DecisionsScreen';
import { FollowupScreen } from '../screens/followup/FollowupScreen';
import { ProjectsScreen } from '../screens/projects/ProjectsScreen';
import { ExchangeScreen } from '../screens/exchange/ExchangeScreen';
import { RecurrentScreen } from '../screens/recurrent/RecurrentScreen';
import { DocumentsScreen } from '../screens/documents/DocumentsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { DashboardScreen } from '../screens/disbursement/DashboardScreen';
import { DisbursementScreen } from '../screens/disbursement/DisbursementScreen';
import { DisbursementPrintView } from '../print/DisbursementPrintView';
import { SetupScreen } from '../screens/SetupScreen';
import { FollowupPrintView } from '../print/FollowupPrintView';
import { PrintView } from '../print/PrintView';
import { AppFrame } from './AppFrame';
import { Redirect } from './Redirect';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await api.invoke('app.info', {});
    if (result.ok) setInfo(result.value);
    else setLoadError(result.error.message);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // After a write (a background job's command answers when the job ends) the years that hold data may have changed: the working-year select must
  // stop saying "(chưa có số liệu)" beside a year that now has lines. Only the years are refreshed; a failure here
  // leaves the frame as it was (the screen that wrote reports its own errors).
  useEffect(() => {
    const refreshYears = coalesced(async () => {
      const result = await api.invoke('app.info', {});
      if (!result.ok) return;
      setInfo((prev) => (prev && prev.office && result.value.office && prev.dataYears.join() !== result.value.dataYears.join() ? { ...prev, dataYears: result.value.dataYears } : prev));
    });
    return onDataChanged(refreshYears);
  }, []);

  if (loadError) return <div className="fatal" role="alert">Không tải được dữ liệu: {loadError}</div>;
  if (!info) return <div className="loading">Đang mở dữ liệu…</div>;
  if (!info.office) return <SetupScreen onDone={reload} />;

  return (
    <HashRouter>
      <Routes>
        <Route path="in/:id" element={<PrintView />} />
        <Route path="in-kho-khan" element={<FollowupPrintView />} />
        <Route path="in-giai-ngan/:year" element={<DisbursementPrintView />} />
        <Route element={<AppFrame info={info} office={info.office} reloadApp={reload} />}>
          <Route index element={<Redirect to="/von-duoc-giao" />} />
          <Route path="von-duoc-giao" element={<AssignmentsScreen />} />
          <Route path="von-duoc-giao/:year" element={<AssignmentsScreen />} />
          <Route path="quyet-dinh" element={<DecisionsScreen />} />
          <Route path="quyet-dinh/:year" element={<DecisionsScreen />} />
          <Route path="quyet-dinh/:year/:id" element={<DecisionEditor />} />
          <Route path="kho-khan" element={<FollowupScreen />} />
          <Route path="du-an" element={<ProjectsScreen />} />
          <Route path="du-toan-thuong-xuyen" element={<RecurrentScreen />} />
          <Route path="du-toan-thuong-xuyen/:year" element={<RecurrentScreen />} />
          <Route path="trao-doi" element={<ExchangeScreen />} />
          <Route path="trao-doi/:year" element={<ExchangeScreen />} />
          <Route path="cai-dat" element={<SettingsScreen />} />
          <Route path="bao-cao" element={<DocumentsScreen />} />
          <Route path="bao-cao/:year" element={<DocumentsScreen />} />
          <Route path="giai-ngan" element={<DisbursementScreen />} />
          <Route path="giai-ngan/:year" element={<DisbursementScreen />} />
          <Route path="tong-quan" element={<DashboardScreen />} />
          <Route path="tong-quan/:year" element={<DashboardScreen />} />
          <Route path="danh-muc" element={<CatalogScreen />} />
          <Route path="*" element={<Redirect to="/von-duoc-giao" />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
