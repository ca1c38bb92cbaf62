import { badRequest } from "../errors";
import { contentLimits } from "../limits";
import type { MethodHandler } from "./context";

const getFile: MethodHandler = ({ state, params }) => {
  const file = state.files.get(String(params.file_id));
  if (!file) throw badRequest("wrong file_id specified");
  if (state.limits.content && file.bytes.length > contentLimits.downloadBytes) throw badRequest("file is too big");
  return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path };
};

/** Methods about stored files. */
export const fileMethods: Record<string, MethodHandler> = { getFile };
