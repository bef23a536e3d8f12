// N simulated learners in a process of their own (as they would be on their own laptops):
// node bench/lib/workshop-learners.mjs HOST PORT CODE N. Prints "joined N" once all are in,
// then keeps them (each sends a datagram a second during the UDP experiment) until stdin ends.
import {Simulation} from '../../src/workshop/simulate.ts';

const [host, port, code, count] = process.argv.slice(2);
const sim = new Simulation({host, port: Number(port), code, count: Number(count), lang: 'en', udpEveryMs: 1000, answerPolls: false});
await sim.start();
console.log(`joined ${sim.joined()}`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await sim.stop();
  process.exit(0);
});
