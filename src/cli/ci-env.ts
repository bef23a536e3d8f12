// chalk (through supports-color) treats the mere presence of CI as a CI server and drops
// every colour, even CI=false. By convention CI=false / CI=0 means "not CI" (Ink's is-in-ci
// agrees), and terminal tests start the app that way: make it so for the libraries too.
const ci = process.env.CI;
if (ci !== undefined && /^(0|false)$/i.test(ci)) delete process.env.CI;
