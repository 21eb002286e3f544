// The form's side of the contract: `request()` sends a request with a fresh id and returns a Promise of its
// result, settled by the host's reply with that id (rejected with the host's error); `notify()` sends a
// notification; `on()` hears the host's notifications. Only the contract's messages can be written.
import type {
  HostMessage,
  HostNotifications,
  RequestParams,
  RequestResult,
  RequestType,
  WebviewMessage,
  WebviewNotificationParams,
  WebviewNotificationType,
} from '../src/setup/contract';

export interface HostClient {
  request<M extends RequestType>(type: M, params: RequestParams<M>): Promise<RequestResult<M>>;
  notify<N extends WebviewNotificationType>(type: N, params: WebviewNotificationParams<N>): void;
  on<N extends keyof HostNotifications>(type: N, handler: (params: HostNotifications[N]) => void): void;
}

/** A request the host refused or that failed there: its message is the host's, in the display language. */
export class HostError extends Error {}

/** `post` sends to the host; `messages` is where its messages arrive (the window). */
export function connectToHost(post: (message: WebviewMessage) => void, messages: Pick<EventTarget, 'addEventListener'>): HostClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  const handlers: { [N in keyof HostNotifications]?: (params: HostNotifications[N]) => void } = {};

  messages.addEventListener('message', (event) => {
    const message = (event as Event & { readonly data: HostMessage }).data;
    if (message.type === 'reply') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value as never);
      else waiting?.reject(new HostError(message.error));
      return;
    }
    (handlers[message.type] as ((params: unknown) => void) | undefined)?.(message.params);
  });

  return {
    request(type, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ type, id, params } as WebviewMessage);
      });
    },
    notify(type, params) {
      post({ type, params } as WebviewMessage);
    },
    on(type, handler) {
      (handlers as Record<string, unknown>)[type] = handler;
    },
  };
}
