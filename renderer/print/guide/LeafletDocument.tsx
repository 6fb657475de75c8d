import type { GuideRow } from '../../../shared/rules/guide/compose.ts';
import type { SlipMaterialRow } from '../../../shared/model/slip.ts';
import { fill, paperStrings } from '../../../shared/rules/slips/paper.ts';
import { qrSvg } from '../qr.ts';
import type { Leaflet, LeafletSection } from './leaflet.ts';
import { guidePaperWords } from './words.ts';

// The 明白纸's layout: every word comes from the Leaflet (composed from the guide), this only places it.

/** Sections of a few short rows, printed two to a line. */
const FACTS: ReadonlySet<string> = new Set(['limits', 'fee', 'result', 'contact']);

function Rows({ rows, colon }: { rows: readonly GuideRow[]; colon: string }) {
  return (
    <dl className="fields">
      {rows.map((r) => [
        <dt key={`t${r.key}`}>
          {r.label}
          {colon}
        </dt>,
        <dd key={`d${r.key}`}>{r.value}</dd>,
      ])}
    </dl>
  );
}

function Materials({ rows, leaflet }: { rows: readonly SlipMaterialRow[]; leaflet: Leaflet }) {
  const columns = leaflet.materialColumns;
  const words = guidePaperWords(leaflet.lang);
  if (leaflet.level === 'essentials') {
    return (
      <ol className="material-names">
        {rows.map((row, i) => (
          <li key={i}>
            {row.name}
            {row.requirement && <span className="condition">{row.requirement}</span>}
            <span className="copies">{fill(words.copiesAfterName, { copies: row.copies })}</span>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <table className="materials">
      <colgroup>
        <col className="no" />
        <col className="name" />
        <col className="copies" />
        <col className="format" />
      </colgroup>
      <thead>
        <tr>
          <th>{columns.no}</th>
          <th>{columns.name}</th>
          <th>{columns.copies}</th>
          <th>{columns.format}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            <td>
              {row.name}
              {row.requirement && <span className="requirement">{row.requirement}</span>}
            </td>
            <td>{row.copies}</td>
            <td>
              {row.format}
              {row.notes.map((note, j) => (
                <span className="note" key={j}>
                  {note}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ section, leaflet, colon }: { section: LeafletSection; leaflet: Leaflet; colon: string }) {
  return (
    <section data-key={section.key}>
      <h2>{section.heading}</h2>
      {section.lead && <p className="lead">{section.lead}</p>}
      {section.rows && section.rows.length > 0 && <Rows rows={section.rows} colon={colon} />}
      {section.list && (
        <ol className="list">
          {section.list.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
      )}
      {section.materials && <Materials rows={section.materials} leaflet={leaflet} />}
      {section.notes?.map((note, i) => (
        <p className="note-line" key={i}>
          {note}
        </p>
      ))}
    </section>
  );
}

export function LeafletDocument({ leaflet }: { leaflet: Leaflet }) {
  const colon = paperStrings(leaflet.lang).labels.colon;
  return (
    <article className={`sheet leaflet level-${leaflet.level}`}>
      <div className="page">
        <header className="head">
          <div className="titles">
            <p className="bureau">{leaflet.bureauName}</p>
            <p className="kicker">{leaflet.kicker}</p>
            <h1 className="title">{leaflet.itemName}</h1>
            <p className="version">{leaflet.versionLine}</p>
          </div>
          {leaflet.qr && (
            <div className="qr">
              {/* Markup of numbers only: the payload feeds the QR encoder and never reaches the SVG as text. */}
              <div dangerouslySetInnerHTML={{ __html: qrSvg(leaflet.qr.payload) }} />
              <p className="qr-caption">{leaflet.qr.caption}</p>
            </div>
          )}
        </header>
        {leaflet.more && <p className="more">{leaflet.more}</p>}
        {leaflet.sections
          .filter((s) => !FACTS.has(s.key))
          .map((section) => (
            <Section key={section.key} section={section} leaflet={leaflet} colon={colon} />
          ))}
        {/* The short facts side by side: limits, fee, result, phones. */}
        <div className="facts">
          {leaflet.sections
            .filter((s) => FACTS.has(s.key))
            .map((section) => (
              <Section key={section.key} section={section} leaflet={leaflet} colon={colon} />
            ))}
        </div>
        <footer className="foot">
          {leaflet.footer.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </footer>
      </div>
    </article>
  );
}
