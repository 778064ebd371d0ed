import { viaHandlerEnv } from "../caller";

export default {
  fetch(request, env) {
    return viaHandlerEnv(request, env);
  },
} satisfies ExportedHandler<Env>;
