import { t } from '../../i18n.js';
import { type ExportQuery, type ExportTable, exportPath } from './dashboard-format.js';

/** "CSV" beside a table: the same rows as a file, computed by the same query on the server. */
export function CsvLink({ table, query }: { table: ExportTable; query?: ExportQuery }) {
  return (
    <a
      className="dash-csv"
      href={exportPath(table, query)}
      download
      title={t('dashCsvTitle')}
      data-testid={`csv-${table}`}
    >
      {t('dashCsv')}
    </a>
  );
}

/** A section heading with its CSV link on the right. */
export function SectionHead({
  id,
  title,
  level = 2,
  table,
  query,
  children,
}: {
  id: string;
  title: string;
  level?: 2 | 3;
  table?: ExportTable;
  query?: ExportQuery;
  children?: React.ReactNode;
}) {
  return (
    <div className="dash-head">
      {level === 2 ? <h2 id={id}>{title}</h2> : <h3 id={id}>{title}</h3>}
      <div className="dash-head-tools">
        {children}
        {table ? <CsvLink table={table} {...(query ? { query } : {})} /> : null}
      </div>
    </div>
  );
}
