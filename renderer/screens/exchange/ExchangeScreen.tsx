import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ImportCommitResult, ImportMapping, ImportPreview } from '../../../shared/api/import';
import type { ComponentOption, ReferenceLists } from '../../../shared/api/reference';
import { api } from '../../api/client';
import { useScreenYear } from '../../app/working-year';
import { MessageArea } from '../../kit/MessageArea';
import { ExchangeFilesPanel } from './ExchangeFilesPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { readFileBase64 } from '../../kit/files';
import { ImportPreviewView } from './ImportPreviewView';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../jobs/JobProgress';

interface ChosenFile {
  name: string;
  base64: string;
}

const isEmptyMapping = (m: ImportMapping) => !m.unit && Object.keys(m.columns ?? {}).length === 0 && Object.keys(m.rows ?? {}).length === 0;

/** Trao đổi dữ liệu: the province's workbook in — read, checked, previewed beside the file, then committed. */
export function ExchangeScreen() {
  const year = useScreenYear();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [committed, setCommitted] = useState<ImportCommitResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [components, setComponents] = useState<ComponentOption[]>([]);
  const [lists, setLists] = useState<ReferenceLists | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const task = useJob();

  // A preview belongs to the year it was read for: another year means reading the file again.
  useEffect(() => {
    setPreview(null);
    setCommitted(null);
  }, [year]);

  useEffect(() => {
    void api.invoke('catalog.components', { year }).then((r) => r.ok && setComponents(r.value));
    void api.invoke('reference.lists', {}).then((r) => r.ok && setLists(r.value));
  }, [year]);

  const analyze = useCallback(
    async (chosen: ChosenFile, nextMapping: ImportMapping, sheet?: string) => {
      setError(null);
      const result = await task.run((jobId) =>
        api.invoke('import.analyze', { fileName: chosen.name, base64: chosen.base64, year, mapping: isEmptyMapping(nextMapping) ? undefined : nextMapping, sheet, jobId }),
      );
      if (result.ok) {
        setPreview(result.value);
        // What the core applied (remembered choices included) is what the next change builds on.
        setMapping(result.value.mapping);
      }
      else {
        setPreview(null);
        setError(result.error.message);
      }
    },
    [task, year],
  );

  async function onChosen(fileList: FileList | null) {
    const chosen = fileList?.[0];
    if (!chosen) return;
    setCommitted(null);
    setInfo(null);
    setPreview(null);
    try {
      const next = { name: chosen.name, base64: await readFileBase64(chosen) };
      setFile(next);
      setMapping({});
      await analyze(next, {});
    } catch (e) {
      setError((e as Error).message);
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  function onMapping(next: ImportMapping) {
    setMapping(next);
    if (file) void analyze(file, next, preview?.sheet);
  }

  /** Another sheet of the same file: its own layout, so its own choices. */
  function onSheet(sheet: string) {
    setMapping({});
    if (file) void analyze(file, {}, sheet);
  }

  async function onConfirm() {
    if (!file || !preview) return;
    const result = await task.run((jobId) =>
      api.invoke('import.commit', {
        fileName: file.name,
        base64: file.base64,
        year,
        mapping: isEmptyMapping(mapping) ? undefined : mapping,
        sheet: preview.sheet,
        expectedSha256: preview.sha256,
        expectedTotalDong: preview.totalDong,
        expectedDigest: preview.digest,
        jobId,
      }),
    );
    if (result.ok) {
      setCommitted(result.value);
      setInfo(result.value.message);
      setPreview(null);
      setError(null);
      setHistoryKey((k) => k + 1);
    } else setError(result.error.message);
  }

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Trao đổi dữ liệu</h1>
        <div className="toolbar">
          <button type="button" className="primary" disabled={task.running} onClick={() => input.current?.click()}>
            Chọn tệp Excel của tỉnh…
          </button>
          <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden onChange={(e) => void onChosen(e.target.files)} />
        </div>
      </header>
      <p className="muted help">
        Nhập tệp giao vốn của tỉnh (.xlsx, kể cả tệp gõ bằng TCVN3/VNI): ứng dụng tìm bảng, đọc cột nguồn vốn và loại vốn, nhận dạng chương trình, dự án theo danh mục năm {year}, kiểm tra
        các dòng tổng, rồi cho xem trước. Chỉ khi bấm “Nhập vào sổ” dữ liệu mới được ghi (sau khi tự động sao lưu).
      </p>
      {task.running ? <JobProgress status={task.status} onCancel={task.cancel} /> : null}
      <MessageArea error={error} info={info} />
      {committed ? (
        <p>
          <Link to={`/von-duoc-giao/${committed.year}`}>Xem vốn được giao năm {committed.year}</Link>
        </p>
      ) : null}
      {preview ? (
        <ImportPreviewView preview={preview} mapping={mapping} components={components} lists={lists} busy={task.running} onMapping={onMapping} onSheet={onSheet} onConfirm={() => void onConfirm()} />
      ) : null}
      {!preview && !task.running ? (
        <ExchangeFilesPanel
          year={year}
          refreshKey={historyKey}
          onMessage={(m) => {
            setError(m.error ?? null);
            setInfo(m.info ?? null);
          }}
        />
      ) : null}
      {!preview && !task.running ? (
        <HistoryPanel
          onMessage={(m) => {
            setError(m.error ?? null);
            setInfo(m.info ?? null);
          }}
        />
      ) : null}
    </section>
  );
}
