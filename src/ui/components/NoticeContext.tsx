// Something the learner must hear about while on any screen (progress can no longer be
// saved): the footer shows it in place of the key hints until the next key press.
import {createContext, useContext} from 'react';

export interface NoticeState {
  /** One short line, already in the learner's language. */
  notice?: string;
  dismiss(): void;
}

const NoticeContext = createContext<NoticeState>({dismiss: () => {}});

export const NoticeProvider = NoticeContext.Provider;

export function useNotice(): NoticeState {
  return useContext(NoticeContext);
}
