/**
 * *Draagbaar maken*: writes a portable copy of the pane's sheets (every IND.* call replaced by
 * plain Excel formulas) as new sheets, never touching a cell of the originals, and says what it
 * changed and what is lost. The shell's change report lists every sheet and range written.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../../core/messages/types';
import { useGuard } from '../../components/viewHooks';
import type { ExcelRun } from '../../host/excelGateway';
import { readOwnedSheets } from '../../host/ownedSheets';
import type { ViewProps } from '../types';
import { buildPortablePlan } from './portablePlan';
import { msg, statusText, type Status } from '../../i18n/message';

/** The view's texts, Dutch first. */
export const PORTABLE_TEXT: Record<
  Lang,
  Record<'button' | 'busy' | 'none' | 'done' | 'notConverted', string>
> = {
  nl: {
    button: 'Draagbaar maken',
    busy: 'Bezig…',
    none: 'Geen bladen van de invoegtoepassing met IND.*-functies gevonden: er is niets omgezet.',
    done:
      '{cells} cellen met IND.*-functies omgezet naar gewone formules op {sheets} nieuwe bladen ({helpers} hulpcellen op IND_Hulp). ' +
      'De oorspronkelijke bladen zijn niet gewijzigd. Verloren in de kopie: de uitleg bij foutwaarden (de code blijft); zie IND_Draagbaar.',
    notConverted: 'Niet omgezet: {n} cellen (zie IND_Draagbaar).',
  },
  en: {
    button: 'Make portable',
    busy: 'Working…',
    none: 'No sheets of the add-in with IND.* functions found: nothing was converted.',
    done:
      '{cells} cells with IND.* functions converted to plain formulas on {sheets} new sheets ({helpers} helper cells on IND_Hulp). ' +
      'The original sheets are unchanged. Lost in the copy: the explanation of error values (the code stays); see IND_Draagbaar.',
    notConverted: 'Not converted: {n} cells (see IND_Draagbaar).',
  },
};

const fill = (s: string, v: Record<string, number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));

/** Props: the shell's, plus an injectable Excel.run for tests. */
export interface PortableViewProps extends ViewProps {
  run?: ExcelRun;
}

/** The portable view. */
export function PortableView({ gateway, lang, run }: PortableViewProps): JSX.Element {
  const T = PORTABLE_TEXT[lang];
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | undefined>();
  const guard = useGuard(setBusy, setStatus);
  const make = () =>
    guard(async () => {
      const model = await readOwnedSheets(run);
      const { plan, report } = buildPortablePlan(model, lang);
      if (!plan) {
        setStatus(msg((l) => PORTABLE_TEXT[l].none));
        return;
      }
      await gateway.apply(plan);
      const sheets = plan.sheets.length;
      setStatus(
        msg(
          (l) =>
            fill(PORTABLE_TEXT[l].done, {
              cells: report.converted.length,
              sheets,
              helpers: report.helperCells,
            }) +
            (report.notConverted.length > 0
              ? ` ${fill(PORTABLE_TEXT[l].notConverted, { n: report.notConverted.length })}`
              : ''),
        ),
      );
    });
  return (
    <div>
      <Button appearance="primary" onClick={() => void make()} disabled={busy}>
        {busy ? T.busy : T.button}
      </Button>
      <p role="status">{statusText(lang, status)}</p>
    </div>
  );
}
