import { Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';

/**
 * A preview's figures as a two-column table (label, formatted value), named for screen readers.
 * One component for every tab that shows what its sheet will compute.
 */
export function FigureTable({ label, rows }: { label: string; rows: [string, string][] }): JSX.Element {
  return (
    <Table size="extra-small" aria-label={label}>
      <TableBody>
        {rows.map(([k, v]) => (
          <TableRow key={k}>
            <TableCell>{k}</TableCell>
            <TableCell>{v}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
