import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';

/** The command list `digest --help` prints without loading any command module. */
describe('the command table', () => {
  it.each(Object.keys(COMMANDS))('lists "%s" as its own module defines it', async (name) => {
    const entry = COMMANDS[name];
    if (!entry) throw new Error(name);
    const program = new Command('digest');
    (await entry.load())(program);
    const command = program.commands.find((c) => c.name() === name);
    expect(command, `${name} is not registered by its module`).toBeDefined();
    if (!command) return;
    expect(command.description()).toBe(entry.summary);
    expect(new Help().subcommandTerm(command)).toBe(entry.term);
  });

  it('names every command the modules register', async () => {
    const registered = new Set<string>();
    for (const entry of Object.values(COMMANDS)) {
      const program = new Command('digest');
      (await entry.load())(program);
      for (const c of program.commands) registered.add(c.name());
    }
    expect([...registered].sort()).toEqual(Object.keys(COMMANDS).sort());
  });
});
