import { Command } from 'commander';
import { buildProgram } from '../../../src/cli/program';

const leaves = (command: Command): Command[] =>
  command.commands.length === 0 ? [command] : command.commands.flatMap(leaves);
const pathOf = (command: Command): string =>
  command.parent ? `${pathOf(command.parent)} ${command.name()}` : command.name();

describe('the forte-cli program', () => {
  const commands = leaves(buildProgram({ json: false }));

  it('has the commands PRODUCT lists', () => {
    expect(commands.map(pathOf)).toEqual(
      expect.arrayContaining([
        'forte-cli serve',
        'forte-cli migrate',
        'forte-cli clients create',
        'forte-cli clients list',
        'forte-cli clients revoke',
        'forte-cli items import',
        'forte-cli items list',
        'forte-cli logs',
        'forte-cli xsolla send',
        'forte-cli xsolla status',
      ]),
    );
  });

  it.each(leaves(buildProgram({ json: false })).map((command) => [pathOf(command), command] as const))(
    '%s takes --json and has a description',
    (_path, command) => {
      expect(command.options.map((option) => option.long)).toContain('--json');
      expect(command.description()).not.toBe('');
    },
  );
});
