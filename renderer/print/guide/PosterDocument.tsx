import { qrSvg } from '../qr.ts';
import type { Poster } from './poster.ts';

// The poster's layout: every word comes from the Poster, this only places it.

export function PosterDocument({ poster }: { poster: Poster }) {
  const { columns } = poster;
  return (
    <article className="sheet poster">
      <div className="page">
        <header className="head">
          <div className="titles">
            <p className="bureau">{poster.bureauName}</p>
            <h1 className="title">{poster.title}</h1>
            {poster.asOf && <p className="as-of">{poster.asOf}</p>}
          </div>
          {poster.qr && (
            <div className="qr">
              {/* Markup of numbers only: the payload feeds the QR encoder and never reaches the SVG as text. */}
              <div dangerouslySetInnerHTML={{ __html: qrSvg(poster.qr.payload) }} />
              <p className="qr-caption">{poster.qr.caption}</p>
            </div>
          )}
        </header>
        <table className="items">
          <colgroup>
            <col className="no" />
            <col className="item" />
            <col className="limit" />
            <col className="limit" />
            <col className="fee" />
            <col className="consult" />
          </colgroup>
          <thead>
            <tr>
              <th>{columns.no}</th>
              <th>{columns.item}</th>
              <th>{columns.promised}</th>
              <th>{columns.statutory}</th>
              <th>{columns.fee}</th>
              <th>{columns.consult}</th>
            </tr>
          </thead>
          <tbody>
            {poster.rows.map((row, i) => (
              <tr key={row.itemId} data-item={row.itemId}>
                <td className="no">{i + 1}</td>
                <td>
                  {row.itemName}
                  {row.code && <span className="code">{row.code}</span>}
                </td>
                <td>{row.promised}</td>
                <td>{row.statutory}</td>
                <td>{row.fee}</td>
                <td>{row.consult}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="commitments">
          <h2>{poster.commitmentsHeading}</h2>
          <ul>
            {poster.commitments.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </section>
        <div className="phones">
          <p className="hotline">{poster.hotline}</p>
          <p className="consult">{poster.consult}</p>
        </div>
        {poster.footer.length > 0 && (
          <footer className="foot">
            {poster.footer.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </footer>
        )}
      </div>
    </article>
  );
}
