/** The top of a printed periodic report: the signer toolbar (not printed) and the Nghị định 30/2020 header table. */
import type { ReactNode } from 'react';
import type { ReportSignature } from '../../shared/print/document';
import { SignatureChoice } from './ReportSignature';
import { ReportToolbar } from './ReportToolbar';

/** The toolbar above the sheet: print/PDF actions and the choice of signer and number. */
export function SignerToolbar({ pdfName, signature }: { pdfName: string; signature: ReportSignature }) {
  return (
    <ReportToolbar pdfName={pdfName}>
      <SignatureChoice signature={signature} />
    </ReportToolbar>
  );
}

/** Issuer and number on the left; national title, motto and (when given) place and date on the right. */
export function ReportDocHeader({ signature, nationalTitle, motto, placeDateLine }: { signature: ReportSignature; nationalTitle: string; motto: string; placeDateLine?: ReactNode }) {
  return (
    <table className="doc-header">
      <tbody>
        <tr>
          <td className="doc-header-left">
            <div className="issuer">{signature.issuerLines[0]}</div>
            <div className="issuer strong">{signature.issuerLines[1]}</div>
            <div className="issuer-rule" />
            <div className="number-line">{signature.numberLine}</div>
          </td>
          <td className="doc-header-right">
            <div className="national-title">{nationalTitle}</div>
            <div className="motto underline">{motto}</div>
            {placeDateLine ? <div className="place-date">{placeDateLine}</div> : null}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
