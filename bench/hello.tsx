// The baseline for "time to first frame": a bare Ink app, rendered with the same options
// as the real one (alternate screen, raw mode from the start), bundled the same way.
import {Text, render, useApp, useInput} from 'ink';

function Hello() {
  const {exit} = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return <Text>Hello from Ink</Text>;
}

process.stdin.setRawMode?.(true);
const instance = render(<Hello />, {exitOnCtrlC: true, alternateScreen: true, interactive: true, patchConsole: true});
process.on('SIGTERM', () => instance.unmount());
await instance.waitUntilExit();
process.stdin.setRawMode?.(false);
