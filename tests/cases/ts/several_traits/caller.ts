import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import {
  presenceTrackerClient,
  roomClient,
  type PresenceTrackerClient,
  type RoomClient,
} from "./client.js";
import type { Full, Message, PresenceTracker, Room } from "./index.js";

check<Equal<RoomClient["post"], Room["post"]>>();
check<Equal<PresenceTrackerClient["join"], PresenceTracker["join"]>>();
check<
  Equal<Env["ROOMS"], DurableObjectNamespace<Room> & DurableObjectNamespace>
>();

export async function call(): Promise<number> {
  const message: Message = { author: "a", body: "b" };
  await env.ROOMS.getByName("lobby").post(message);
  const joined = await env.PRESENCE_TRACKER.getByName("lobby").join("ada");
  const full: Full | null = joined.ok ? null : joined.error;
  // @ts-expect-error `PresenceTracker` has no `post`
  await env.PRESENCE_TRACKER.getByName("lobby").post(message);
  const rooms = roomClient(env.ROOMS.getByName("lobby"));
  const presence = presenceTrackerClient(env.PRESENCE_TRACKER.getByName("x"));
  // @ts-expect-error each client has its own object's methods
  await presence.recent(1);
  return (await rooms.recent(10)).length + (full?.capacity ?? 0);
}
