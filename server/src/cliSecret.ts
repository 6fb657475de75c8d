// How the admin CLI reads a new secret (set-secret): typed at a terminal without echo, twice; or piped in as the
// first line of stdin (`printf '%s\n' "$PW" | npm run enrol -- set-secret ma-jun`). Never from the command line,
// where it would stay in the shell's history and show in the process list.

export type ReadSecret = (prompt: string) => Promise<string>;

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** One line typed at the terminal, shown as nothing; Ctrl+C aborts. */
function typedUnseen(prompt: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (result: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
      result();
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003') return done(() => reject(new Error('cancelled')));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export const readSecretFromTerminal: ReadSecret = async (prompt) => {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await typedUnseen(prompt);
  const again = await typedUnseen('再输入一次 Again: ');
  if (first !== again) throw new Error('两次输入不一致。The two entries differ; nothing was changed.');
  return first;
};
