export type Screen = {name: 'menu'} | {name: 'lesson'; id: string} | {name: 'repl'};

export type RouterAction = {type: 'open-lesson'; id: string} | {type: 'open-repl'} | {type: 'back'};

export function routerReducer(screen: Screen, action: RouterAction): Screen {
  switch (action.type) {
    case 'open-lesson':
      return {name: 'lesson', id: action.id};
    case 'open-repl':
      return {name: 'repl'};
    case 'back':
      return {name: 'menu'};
  }
}
