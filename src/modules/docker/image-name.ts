// An image reference as Ansible's docker modules read it: `name` may carry its tag ("repo:1.2",
// not to be confused with a registry's port, "host:5000/repo") or be an image ID ("sha256:...").

export interface ImageRef {
  repository: string;
  tag: string;
  /** The name docker commands take: "repo:tag", or the ID as given. */
  ref: string;
  isId: boolean;
}

export function isImageId(name: string): boolean {
  return /^sha256:[0-9a-f]{12,64}$/.test(name) || /^[0-9a-f]{64}$/.test(name);
}

export function imageRef(name: string, tag = 'latest'): ImageRef {
  if (isImageId(name)) return { repository: name, tag: '', ref: name, isId: true };
  const at = name.indexOf('@');
  if (at >= 0) return { repository: name.slice(0, at), tag: name.slice(at + 1), ref: name, isId: false };
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) return { repository: name.slice(0, colon), tag: name.slice(colon + 1), ref: name, isId: false };
  return { repository: name, tag, ref: `${name}:${tag}`, isId: false };
}
