/** Stage: the fingerprint of a sheet's layout (its columns and where STT and names are), to remember a mapping by. */
import crypto from 'node:crypto';
import type { ImportColumn } from '../../../../shared/api/import';
import type { HeaderBlock } from '../header';

export function layoutFingerprint(columns: Pick<ImportColumn, 'col' | 'key'>[], header: Pick<HeaderBlock, 'sttCol' | 'nameCol'>): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ columns: columns.map((c) => [c.col, c.key]), stt: header.sttCol, name: header.nameCol }))
    .digest('hex')
    .slice(0, 16);
}
