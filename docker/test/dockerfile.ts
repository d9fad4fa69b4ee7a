import { readFileSync } from 'node:fs';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions of a Dockerfile by stage: continuation lines joined, comments and parser directives dropped. */
export function readStages(path: string): Stage[] {
  const logical = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      stages.push({ from, ...(name ? { name } : {}), instructions: [] });
    } else {
      const stage = stages[stages.length - 1];
      if (!stage) throw new Error(`${path}: ${instruction.keyword} before the first FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

/** The exec-form argument vector of the last CMD (ENTRYPOINT prepended) in a stage. */
export function entryCommand(stage: Stage): string[] {
  const last = (keyword: string) => stage.instructions.filter((entry) => entry.keyword === keyword).at(-1);
  const parse = (entry: Instruction | undefined): string[] => {
    if (!entry) return [];
    const value: unknown = JSON.parse(entry.args);
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new Error(`${entry.keyword} is not in exec form`);
    return value as string[];
  };
  return [...parse(last('ENTRYPOINT')), ...parse(last('CMD'))];
}
