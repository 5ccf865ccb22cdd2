/** Path helpers shared by the build, the sources and the server. */
import { sep } from 'node:path';

/** Whether `path` is `root` itself or inside it (both absolute and normal). */
export const within = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
