/**
 * Reads the workbook's one parameter source (`IND Parameters`: B4 `IND_ActieveSet`, B5
 * `IND_ModelSet` and the table `IND_Parameters`) for every tab, in one gateway action
 * (`readSources`: two `context.sync` calls, whatever the number of sets).
 */
import { useCallback, useEffect, useState } from 'react';
import type { SourcesData, WorkbookGateway } from '../host/types';
import { PARAMETER_TABLE } from '../plans/parameters';
import {
  PARAMETER_SOURCE_REQUEST,
  parameterSourceFrom,
  type ParameterSource,
} from '../plans/parameterSource';

/**
 * The workbook's parameter source, or undefined when it has no parameter sheet. A gateway
 * without `readSources` (an older test double) is read through `listTables` and `readTable`.
 * @throws CalcError for a bad value in the table (naming set and parameter).
 */
export async function readParameterSource(gateway: WorkbookGateway): Promise<ParameterSource | undefined> {
  let data: SourcesData;
  if (gateway.readSources) data = await gateway.readSources(PARAMETER_SOURCE_REQUEST);
  else {
    const found = (await gateway.listTables()).some((x) => x.name === PARAMETER_TABLE);
    data = {
      names: {},
      tables: found ? { [PARAMETER_TABLE]: await gateway.readTable(PARAMETER_TABLE) } : {},
    };
  }
  return parameterSourceFrom(data);
}

/** The parameter source as React state, with `refresh` (e.g. after the user changed B4). */
export function useParameterSource(gateway: WorkbookGateway): {
  source?: ParameterSource;
  refresh: () => Promise<ParameterSource | undefined>;
} {
  const [source, setSource] = useState<ParameterSource | undefined>(undefined);
  const refresh = useCallback(async () => {
    const s = await readParameterSource(gateway);
    setSource(s);
    return s;
  }, [gateway]);
  useEffect(() => {
    refresh().catch(() => undefined); // on the shell's error bar (reporting gateway)
  }, [refresh]);
  return { source, refresh };
}
