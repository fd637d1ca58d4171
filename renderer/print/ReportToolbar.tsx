import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';

/** The bar above a printed report (not printed): back, what the report lets choose, print, and save as PDF in the desktop app. */
export function ReportToolbar({ pdfName, children }: { pdfName: string; children?: ReactNode }) {
  const navigate = useNavigate();
  return (
    <div className="print-toolbar no-print">
      <button type="button" className="link-button" onClick={() => navigate(-1)}>
        ← Quay lại
      </button>
      {children}
      <button type="button" className="primary" onClick={() => window.print()}>
        In…
      </button>
      {api.savePdf ? (
        <button type="button" onClick={() => void api.savePdf!(pdfName)}>
          Lưu PDF…
        </button>
      ) : null}
    </div>
  );
}
