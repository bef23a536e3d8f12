// Which screen is shown: a stack, so Esc returns to where the learner came from
// (About → Settings → menu). The bottom is the menu, or the screen the command line
// asked for (a lesson, the REPL), whose "back" is the menu.
export type Screen =
  | {name: 'menu'}
  | {name: 'lesson'; id: string}
  | {name: 'repl'}
  | {name: 'settings'}
  | {name: 'about'}
  /** First run: which language? */
  | {name: 'language'}
  /** Which Persian rendering reads correctly? */
  | {name: 'calibrate'};

export type RouterAction =
  | {type: 'open-lesson'; id: string}
  | {type: 'open-repl'}
  | {type: 'open'; screen: Screen}
  /** Swap the top screen (first run: the language question becomes the calibration). */
  | {type: 'replace'; screen: Screen}
  | {type: 'back'};

export interface Route {
  readonly stack: readonly Screen[];
}

const MENU: Screen = {name: 'menu'};

/** The start: `initial` (default the menu), with `first` screens on top of it, last on top. */
export function startRoute(initial: Screen = MENU, ...first: Screen[]): Route {
  return {stack: [initial, ...first]};
}

export function currentScreen(route: Route): Screen {
  return route.stack.at(-1) ?? MENU;
}

export function routerReducer(route: Route, action: RouterAction): Route {
  const {stack} = route;
  switch (action.type) {
    case 'open-lesson':
      return {stack: [...stack, {name: 'lesson', id: action.id}]};
    case 'open-repl':
      return {stack: [...stack, {name: 'repl'}]};
    case 'open':
      return {stack: [...stack, action.screen]};
    case 'replace':
      return {stack: [...stack.slice(0, -1), action.screen]};
    case 'back': {
      const rest = stack.slice(0, -1);
      return {stack: rest.length > 0 ? rest : [MENU]};
    }
  }
}
