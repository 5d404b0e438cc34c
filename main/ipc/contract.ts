import { z } from 'zod'
import { COPY_FORMATS, type CopyFormat } from '../core/common/copy-format-words'
import type { ErrorKind } from '../core/common/error-kinds'
import { settingsPatchSchema, type Settings } from '../core/profiles/schema'
import type { ActivityEntry } from '../core/service/activity-log'
import type { ProfileView, ServiceEvent, ServiceProblem, VerifyOutcome } from '../core/service/types'
import type { Channel } from './channels'

export { apiPath, CHANNELS, EVENT_CHANNEL, type Channel } from './channels'

/**
 * The IPC contract: for every channel of main/ipc/channels.ts, a runtime schema for its request and the type
 * of its response. Main registers a handler per channel from it, the preload builds `window.api` from the
 * channel list and this file's types, and the renderer is typed by it.
 * Adding a channel means naming it in channels.ts, declaring it here and giving it a handler.
 */

const id = z.string().min(1).max(64)
const text = (max: number) => z.string().max(max)
const none = z.undefined()

const environmentInput = z.union([
  z.literal('production'),
  z.literal('sandbox'),
  z.string().min(1).max(2048), // a custom base URL, validated by the engine
])

/** Declares a channel: its request schema, and its response type (types only). */
function channel<Request extends z.ZodType, Response>(request: Request): ChannelSpec<Request, Response> {
  return { request, response: undefined as unknown as Response }
}

/** One channel of the contract. */
export interface ChannelSpec<Request extends z.ZodType, Response> {
  readonly request: Request
  /** Phantom: only its type is used. */
  readonly response: Response
}

/** Where the app is, for the renderer's banners and settings. */
export interface AppState {
  readonly version: string
  readonly platform: string
  /** Problems found at start-up or since (unreadable profiles file, keychain unavailable). */
  readonly problems: readonly ServiceProblem[]
  /** Why the global shortcut could not be registered, if it could not. */
  readonly shortcutError: string | null
  /** Whether the demo's fake api.video server is running. */
  readonly demoRunning: boolean
  /**
   * profile id → URL of its running local endpoint (none when absent). The URL carries the endpoint's secret:
   * the window shows it to the person who started it, the tray never does.
   */
  readonly endpoints: Readonly<Record<string, string>>
}

/** What a copy did. */
export interface CopyResult {
  readonly expiresAt: number
  /** When the clipboard will be cleared, or null if clearing is off. */
  readonly clearsAt: number | null
}

/** A local endpoint that runs. */
export interface StartedEndpoint {
  /** `http://127.0.0.1:<port>/<secret>/`: scripts use it as api.video's base URL, with no key. */
  readonly url: string
}

/** What copying an endpoint's URL did. */
export interface EndpointCopyResult {
  /** When the clipboard will be cleared, or null if clearing is off. */
  readonly clearsAt: number | null
}

/** A token the person asked to see. */
export interface RevealedToken {
  readonly accessToken: string
  readonly expiresAt: number
}

export const contract = {
  'app:state': channel<typeof none, AppState>(none),
  'profiles:list': channel<typeof none, readonly ProfileView[]>(none),
  'profiles:add': channel<z.ZodType<AddRequest>, ProfileView>(
    z.strictObject({
      name: text(200),
      environment: environmentInput,
      apiKey: text(1024),
      rememberApiKey: z.boolean(),
    }),
  ),
  'profiles:sign-in': channel<z.ZodType<SignInRequest>, ProfileView>(
    z.strictObject({ id, apiKey: text(1024).optional(), rememberApiKey: z.boolean().optional() }),
  ),
  'profiles:refresh': channel<z.ZodType<{ id: string }>, ProfileView>(z.strictObject({ id })),
  'profiles:copy': channel<z.ZodType<{ id: string; format: CopyFormat }>, CopyResult>(
    z.strictObject({ id, format: z.enum(COPY_FORMATS) }),
  ),
  'profiles:reveal': channel<z.ZodType<{ id: string }>, RevealedToken>(z.strictObject({ id })),
  'profiles:verify': channel<z.ZodType<{ id: string }>, VerifyOutcome>(z.strictObject({ id })),
  'profiles:rename': channel<z.ZodType<{ id: string; name: string }>, ProfileView>(
    z.strictObject({ id, name: text(200) }),
  ),
  'profiles:remove': channel<z.ZodType<{ id: string }>, null>(z.strictObject({ id })),
  'settings:get': channel<typeof none, Settings>(none),
  'settings:update': channel<typeof settingsPatchSchema, Settings>(settingsPatchSchema),
  'activity:list': channel<typeof none, readonly ActivityEntry[]>(none),
  'demo:start': channel<typeof none, ProfileView>(none),
  'endpoints:start': channel<z.ZodType<{ id: string }>, StartedEndpoint>(z.strictObject({ id })),
  'endpoints:stop': channel<z.ZodType<{ id: string }>, null>(z.strictObject({ id })),
  'endpoints:copy': channel<z.ZodType<{ id: string }>, EndpointCopyResult>(z.strictObject({ id })),
  'palette:copied': channel<typeof none, null>(none),
} as const satisfies { readonly [C in Channel]: ChannelSpec<z.ZodType, unknown> }
// `satisfies` refuses a channel of the list without a schema here, and a schema for a channel not in the list.

type AddRequest = { name: string; environment: string; apiKey: string; rememberApiKey: boolean }
type SignInRequest = { id: string; apiKey?: string | undefined; rememberApiKey?: boolean | undefined }

/** What a channel takes. */
export type RequestOf<C extends Channel> = z.infer<(typeof contract)[C]['request']>
/** What a channel gives back. */
export type ResponseOf<C extends Channel> = (typeof contract)[C]['response']

/** How every answer crosses the bridge: a value, or an error as `{kind, message}` (never a stack trace). */
export type Envelope<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly kind: ErrorKind; readonly message: string } }

/** What main pushes to the renderer. */
export type AppEvent =
  | ServiceEvent
  | { readonly type: 'app'; readonly state: AppState }
  | { readonly type: 'navigate'; readonly profileId: string }
  /** The global shortcut was pressed: open the quick copy palette. */
  | { readonly type: 'open-palette' }

/** `profiles:sign-in` → `signIn`: the name of a channel's function on `window.api[domain]`. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type ActionOf<C extends string, D extends string> = C extends `${D}:${infer A}` ? A : never

/** The function for one channel: no argument when the request is empty. */
type Operation<C extends Channel> = [RequestOf<C>] extends [undefined]
  ? () => Promise<Envelope<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>

/** `window.api`: one function per operation, grouped by domain, and the event subscription. */
export type Api = {
  readonly [D in DomainOf<Channel>]: {
    readonly [C in Channel as C extends `${D}:${string}` ? CamelCase<ActionOf<C, D>> : never]: Operation<C>
  }
} & {
  readonly events: {
    /** Calls `listener` for every event; returns the function that stops it. */
    subscribe(listener: (event: AppEvent) => void): () => void
  }
}
