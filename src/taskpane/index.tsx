/**
 * The task-pane bundle entry: once Office is ready, render the shell over the real workbook.
 * The shared runtime loads `functions.js` on the same page, so the custom functions are
 * registered independently of this file.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelGateway } from './host/excelGateway';
import { officeLanguage, officeReady } from './host/office';

async function start(): Promise<void> {
  await officeReady();
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html has no #container element');
  const lang = officeLanguage();
  createRoot(container).render(<App gateway={new ExcelGateway({ lang })} initialLang={lang} />);
}

start().catch((e: unknown) => {
  // Outside Excel (or when Office.js failed to load) say so instead of leaving a blank pane.
  const container = document.getElementById('container');
  const reason = e instanceof Error ? e.message : String(e);
  if (container) container.textContent = `IND Rekenmodel kon niet starten / could not start: ${reason}`;
  console.error(e);
});
