/**
 * The sections of a printed decision: the body (A4 portrait: header, title, căn cứ, articles, Nơi nhận and
 * signature), then each annex on its own sheets (landscape where wide). Nothing is computed here; the text is the core's.
 */
import { Fragment, type ReactNode } from 'react';
import { cellText, headerRows, rowValue } from '../../shared/print/annex-cells';
import type { PrintAnnex, PrintDocument } from '../../shared/print/document';
import { moneyColumnFormats } from '../../shared/print/money-columns';
import type { PageItem, PageSection } from './PagedDocument';

/** Document numbers ("111/2024/QH15", "215/QĐ-UBND") are never broken at their slashes or hyphens. */
export function keepNumbers(text: string): ReactNode {
  const parts = text.split(/(\S*\d\S*\/\S+)/);
  if (parts.length === 1) return text;
  return parts.map((p, i) => (i % 2 === 1 ? <span key={i} className="nobr">{p}</span> : <Fragment key={i}>{p}</Fragment>));
}

function DocHeader({ doc, withNumber }: { doc: PrintDocument; withNumber: boolean }) {
  return (
    <table className="doc-header">
      <tbody>
        <tr>
          <td className="doc-header-left">
            {doc.issuerLines.map((l, i) => (
              <div key={i} className="issuer strong">
                {l}
              </div>
            ))}
            <div className="issuer-rule" />
            {withNumber ? <div className="number-line">{keepNumbers(doc.numberLine)}</div> : null}
          </td>
          <td className="doc-header-right">
            <div className="national-title">{doc.nationalTitle}</div>
            <div className="motto underline">{doc.motto}</div>
            {withNumber ? <div className="place-date">{doc.placeDateLine}</div> : null}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function SignatureBlock({ doc }: { doc: PrintDocument }) {
  return (
    <table className="signature-block">
      <tbody>
        <tr>
          <td className="recipients">
            <div className="recipients-title">Nơi nhận:</div>
            {doc.recipients.map((r, i) => (
              <div key={i}>{r}</div>
            ))}
          </td>
          <td className="signer">
            {doc.signature.authority ? <div className="strong">{doc.signature.authority}</div> : null}
            {doc.signature.role.map((r, i) => (
              <div key={i} className="strong">
                {r}
              </div>
            ))}
            <div className="signature-space" />
            <div className="strong">{doc.signature.name}</div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function bodySection(doc: PrintDocument): PageSection {
  const body = doc.body!;
  const items: PageItem[] = [{ kind: 'block', key: 'header', node: <DocHeader doc={doc} withNumber /> }];
  if (doc.draft) items.push({ kind: 'block', key: 'draft', node: <div className="draft-mark">DỰ THẢO — chưa ban hành</div> });
  items.push({
    kind: 'block',
    key: 'title',
    keepWithNext: true,
    node: (
      <div className="body-title">
        <div className="doc-type">{body.docType}</div>
        <div className="doc-summary">{keepNumbers(body.summary)}</div>
        <div className="title-rule" />
      </div>
    ),
  });
  items.push({
    kind: 'block',
    key: 'authority',
    keepWithNext: true,
    node: (
      <div className="body-authority">
        {body.authority.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </div>
    ),
  });
  body.bases.forEach((b, i) => items.push({ kind: 'block', key: `basis-${i}`, node: <p className="body-basis">{keepNumbers(b)}</p> }));
  if (body.proposal) items.push({ kind: 'block', key: 'proposal', node: <p className="body-basis">{keepNumbers(body.proposal)}</p> });
  items.push({ kind: 'block', key: 'decides', keepWithNext: true, node: <div className="body-decides">{body.decides}</div> });
  for (const article of body.articles) {
    article.paragraphs.forEach((p, i) =>
      items.push({
        kind: 'block',
        key: `${article.label}-${i}`,
        node: (
          <p className="body-para">
            {i === 0 ? <strong>{article.label} </strong> : null}
            {keepNumbers(p)}
          </p>
        ),
      }),
    );
  }
  if (body.passingLine) items.push({ kind: 'block', key: 'passing', node: <p className="body-para">{keepNumbers(body.passingLine)}</p> });
  items.push({ kind: 'block', key: 'signature', node: <SignatureBlock doc={doc} /> });
  return { key: 'body', label: body.docType === 'NGHỊ QUYẾT' ? 'Nghị quyết' : 'Quyết định', orientation: 'portrait', items };
}

function annexSection(doc: PrintDocument, annex: PrintAnnex, index: number, withNumber: boolean): PageSection {
  const total = annex.columns.reduce((a, x) => a + x.width, 0);
  const money = moneyColumnFormats(annex, doc.unit, doc.maxDecimals);
  const items: PageItem[] = [
    { kind: 'block', key: 'header', node: <DocHeader doc={doc} withNumber={withNumber} /> },
    {
      kind: 'block',
      key: 'titles',
      keepWithNext: true,
      node: (
        <>
          <h2 className="annex-label">{annex.label.toUpperCase()}</h2>
          <div className="annex-title">{annex.title}</div>
          <div className="attached-to">{keepNumbers(annex.attachedTo)}</div>
          <div className="unit-line">{annex.unitLine}</div>
        </>
      ),
    },
    {
      kind: 'table',
      key: 'table',
      className: 'annex-table',
      colgroup: (
        <colgroup>
          {/* Widths are proportions: the table fills the printable width of either orientation. */}
          {annex.columns.map((c) => (
            <col key={c.key} style={{ width: `${(c.width / total) * 100}%` }} />
          ))}
        </colgroup>
      ),
      head: headerRows(annex.columns, annex.headerDepth).map((row, r) => (
        <tr key={r}>
          {row.map((h, i) => (
            <th key={i} colSpan={h.colSpan} rowSpan={h.rowSpan}>
              {h.label}
            </th>
          ))}
        </tr>
      )),
      rows: annex.rows.map((row, r) => (
        <tr key={r} className={[row.bold ? 'bold' : '', row.italic ? 'italic' : '', row.total ? 'total' : '', row.detail ? 'detail' : ''].join(' ')}>
          {annex.columns.map((c) => (
            <td key={c.key} className={c.kind === 'money' ? 'num' : c.kind === 'stt' ? 'stt' : 'text'} style={c.key === 'label' ? { paddingLeft: `${Math.max(row.depth, 0) * 3 + 1}mm` } : undefined}>
              {c.kind === 'text' ? keepNumbers(cellText(rowValue(row, c), c, money)) : cellText(rowValue(row, c), c, money)}
            </td>
          ))}
        </tr>
      )),
    },
  ];
  if (annex.roundingNote) items.push({ kind: 'block', key: 'rounding', node: <p className="rounding-note">{annex.roundingNote}</p> });
  if (annex.amountInWords) items.push({ kind: 'block', key: 'words', node: <p className="in-words">{annex.amountInWords}</p> });
  return { key: `annex-${index}`, label: annex.label, orientation: doc.orientation, items };
}

/**
 * The body first when the decision prints whole; printing the annexes alone (the older annex print) keeps the
 * number and date on the first annex and the signature after the last one.
 */
export function decisionSections(doc: PrintDocument): PageSection[] {
  const annexes = doc.annexes.map((a, i) => annexSection(doc, a, i, !doc.body && i === 0));
  if (doc.body) return [bodySection(doc), ...annexes];
  if (doc.draft && annexes[0]) annexes[0].items.splice(1, 0, { kind: 'block', key: 'draft', node: <div className="draft-mark">DỰ THẢO — chưa ban hành</div> });
  annexes.at(-1)?.items.push({ kind: 'block', key: 'signature', node: <SignatureBlock doc={doc} /> });
  return annexes;
}
