'use client';
/*
 * The rationale of one cell: a Tiptap editor bound to the board's top-level fragment
 * `rationale:<cell>`, edited by both coders at once with each other's cursors. Mounted
 * only for the selected cell and destroyed on unmount (tech-notes: one editor per cell).
 */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export function RationaleEditor({ fragment, provider, user, readOnly, label, hint }: { fragment: Y.XmlFragment; provider: WebsocketProvider | null; user: { name: string; color: string }; readOnly: boolean; label: string; hint: string }) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment }),
        ...(provider ? [CollaborationCaret.configure({ provider, user })] : []),
      ],
      editorProps: { attributes: { 'aria-label': label, 'aria-describedby': 'rationale-hint', role: 'textbox', 'aria-multiline': 'true', class: 'rationale-editor' } },
    },
    [fragment, provider, readOnly],
  );
  return (
    <div className="rationale">
      <EditorContent editor={editor} />
      <small id="rationale-hint" className="hint">
        {hint}
      </small>
    </div>
  );
}
