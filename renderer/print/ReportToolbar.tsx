import { useNavigate } from 'react-router';
import { api } from '../api/client';

/** The bar above a printed report (not printed): back, print, and save as PDF in the desktop app. */
export function ReportToolbar({ pdfName }: { pdfName: string }) {
  const navigate = useNavigate();
  return (
    <div className="print-toolbar no-print">
      <button type="button" className="link-button" onClick={() => navigate(-1)}>
        ← Quay lại
      </button>
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
