/** Every reference table as the Danh mục screen shows it: read-only, both program periods, units with their successors. */
import type { CatalogAdminUnit, CatalogBrowse, CatalogComponent, CatalogRule } from '../../../shared/api/reference';
import type { Db } from '../db/database';

/** The reference file grades its certainty in English (high/medium/low); the screen speaks Vietnamese. */
const CONFIDENCE_VI: Record<string, string> = { high: 'cao', medium: 'trung bình', low: 'thấp' };
const confidenceVi = (text: string) => text.replace(/\b(high|medium|low)\b/g, (w) => CONFIDENCE_VI[w] ?? w);

export function browseCatalog(db: Db): CatalogBrowse {
  const periods = db.prepare('SELECT code, name_vi AS name, first_year AS firstYear, last_year AS lastYear, basis FROM program_period ORDER BY first_year').all() as Omit<
    CatalogBrowse['periods'][number],
    'components'
  >[];
  const components = db.prepare(
    `SELECT c.code, c.parent_code AS parentCode, c.program_code AS programCode, l.label_vi AS levelLabel, l.depth, c.name_vi AS name,
       c.allowed_capital_types AS allowedCapitalTypes, c.source_decision AS sourceDecision,
       EXISTS (SELECT 1 FROM component k WHERE k.period_code = c.period_code AND k.parent_code = c.code) AS parent
     FROM component c JOIN component_level l ON l.period_code = c.period_code AND l.level = c.level
     WHERE c.period_code = ? ORDER BY c.sort_order`,
  );
  const successors = db.prepare(
    'SELECT effective_date AS effectiveDate, successor_code AS code, successor_name AS name, basis FROM admin_unit_successor WHERE unit_id = ? ORDER BY effective_date, successor_code',
  );
  const units = db
    .prepare('SELECT id, dataset, code, name_vi AS name, level, parent_code AS parentCode, valid_from AS validFrom, valid_to AS validTo, note FROM admin_unit ORDER BY dataset, code')
    .all() as (Omit<CatalogAdminUnit, 'successors'> & { id: number })[];
  return {
    periods: periods.map((p) => ({
      ...p,
      components: (components.all(p.code) as (Omit<CatalogComponent, 'parent'> & { parent: number })[]).map((c) => ({ ...c, parent: c.parent === 1 })),
    })),
    nationalPrograms: db
      .prepare(
        `SELECT code, name_vi AS name, period, investment_policy AS investmentPolicy, approval_decision AS approvalDecision, owner_ministry AS ownerMinistry,
           nstw_dtpt_2026_2030_ty_dong AS nstwDtptTyDong, amount_basis AS amountBasis, confidence, valid_from AS validFrom, valid_to AS validTo
         FROM national_program ORDER BY sort_order`,
      )
      .all()
      .map((p) => ({ ...(p as CatalogBrowse['nationalPrograms'][number]), confidence: confidenceVi((p as { confidence: string }).confidence) })),
    adminUnits: units.map(({ id, ...u }) => ({ ...u, successors: successors.all(id) as CatalogAdminUnit['successors'] })),
    fundingSources: db.prepare('SELECT code, name_vi AS name, short_vi AS shortName, valid_from AS validFrom, valid_to AS validTo FROM funding_source ORDER BY sort_order').all() as CatalogBrowse['fundingSources'],
    capitalTypes: db.prepare('SELECT code, name_vi AS name, short_vi AS shortName FROM capital_type ORDER BY sort_order').all() as CatalogBrowse['capitalTypes'],
    reasonCodes: db.prepare('SELECT code, name_vi AS name, basis FROM reason_code ORDER BY sort_order').all() as CatalogBrowse['reasonCodes'],
    rules: db
      .prepare('SELECT rule_id AS ruleId, title_vi AS title, severity, legal_basis AS legalBasis, certainty, valid_from AS validFrom, valid_to AS validTo FROM rule_definition ORDER BY rule_id, valid_from')
      .all() as CatalogRule[],
  };
}
