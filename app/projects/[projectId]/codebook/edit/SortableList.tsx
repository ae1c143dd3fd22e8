'use client';
/*
 * A list whose items can be reordered by dragging their handle, or from the keyboard with
 * Alt+ArrowUp / Alt+ArrowDown anywhere inside an item. Focus stays on the moved item and
 * the new position is announced in the editor's live region. Nested lists each handle
 * their own items (the innermost list wins).
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useEditor } from './EditorContext';

interface Props<T extends { key: string }> {
  items: readonly T[];
  /** The item's name, for the handle's label and the announcement. */
  name(item: T): string;
  onMove(from: number, to: number): void;
  /** The item's editor; the list puts the drag handle before it. */
  render(item: T, index: number): ReactNode;
  label: string;
  className?: string;
}

export function SortableList<T extends { key: string }>({ items, name, onMove, render, label, className }: Props<T>) {
  const { tr, announce } = useEditor();
  const hintId = useId();
  const dragging = useRef<string | null>(null);
  const [over, setOver] = useState<string | null>(null);

  function move(from: number, to: number) {
    const item = items[from];
    if (!item || to < 0 || to >= items.length || from === to) return;
    const focused = document.activeElement as HTMLElement | null;
    onMove(from, to);
    announce(tr('codebookEditor.moved', { name: name(item), position: to + 1, count: items.length }));
    // Moving a DOM node can take focus away from it; put it back.
    requestAnimationFrame(() => {
      if (focused?.isConnected && document.activeElement !== focused) focused.focus();
    });
  }

  function onKeyDown(e: KeyboardEvent, index: number) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    e.stopPropagation();
    move(index, e.key === 'ArrowUp' ? index - 1 : index + 1);
  }

  const endDrag = () => {
    dragging.current = null;
    setOver(null);
  };

  return (
    <>
      <p id={hintId} className="visually-hidden">
        {tr('codebookEditor.moveHint')}
      </p>
      <ol className={`sortable ${className ?? ''}`} aria-label={label}>
        {items.map((item, index) => {
          const handle = (
            <button
              type="button"
              className="drag-handle"
              draggable
              aria-label={tr('codebookEditor.move', { name: name(item) })}
              aria-describedby={hintId}
              title={tr('codebookEditor.moveHint')}
              onDragStart={(e) => {
                e.stopPropagation();
                dragging.current = item.key;
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', name(item));
                const li = e.currentTarget.closest('li');
                if (li) e.dataTransfer.setDragImage(li, 16, 16);
              }}
              onDragEnd={endDrag}
            >
              <span aria-hidden="true">⠿</span>
            </button>
          );
          return (
            <li
              key={item.key}
              className={over === item.key ? 'drop-target' : undefined}
              onKeyDown={(e) => onKeyDown(e, index)}
              onDragOver={(e) => {
                if (!dragging.current) return;
                e.preventDefault();
                e.stopPropagation();
                if (over !== item.key) setOver(item.key);
              }}
              onDrop={(e) => {
                if (!dragging.current) return;
                e.preventDefault();
                e.stopPropagation();
                const from = items.findIndex((x) => x.key === dragging.current);
                endDrag();
                move(from, index);
              }}
            >
              <div className="item-row">
                {handle}
                {render(item, index)}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
