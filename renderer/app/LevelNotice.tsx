import { useState } from 'react';
import type { OfficeLevelNotice } from '../../shared/api/office';
import { formatDateVi } from '../../shared/format/date';

const storageKey = (dataFile: string) => `sovon.levelNoticeRead:${dataFile}`;

function readBefore(dataFile: string): boolean {
  try {
    return window.localStorage.getItem(storageKey(dataFile)) === '1';
  } catch {
    return false;
  }
}

/**
 * The office's level of government has ended (a district from 1/7/2025): said once, in the frame, with the legal
 * reason, rather than left to rule 10's error on every new draft. Once read it shrinks to one line.
 */
export function LevelNotice({ notice, dataFile }: { notice: OfficeLevelNotice; dataFile: string }) {
  const [collapsed, setCollapsed] = useState(() => readBefore(dataFile));
  const title = `Cấp huyện đã kết thúc hoạt động từ ${formatDateVi(notice.endedOn)}`;
  if (collapsed) {
    return (
      <p className="level-notice level-notice-short" role="note">
        <strong>{title}.</strong>{' '}
        <button type="button" className="link-button" onClick={() => setCollapsed(false)}>
          Xem lý do
        </button>
      </p>
    );
  }
  return (
    <section className="level-notice" role="note" aria-label={title}>
      <p>
        {notice.message} <span className="level-notice-basis">Căn cứ: {notice.legalBasis}.</span>
      </p>
      <button
        type="button"
        onClick={() => {
          setCollapsed(true);
          try {
            window.localStorage.setItem(storageKey(dataFile), '1');
          } catch {
            // Without storage the notice is shown again at the next start; nothing else depends on it.
          }
        }}
      >
        Đã hiểu
      </button>
    </section>
  );
}
