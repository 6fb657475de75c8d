import { Group, Input, Paper, Pill, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintLink } from '../../../shared/model/complaintEvents.ts';
import { useDesk } from '../../app/context.tsx';
import { useLinkedRecords, useRecordSearch } from '../../data/complaints/recordReads.ts';
import { freshHits, linkKey, withLink, withoutLink } from '../../data/complaints/recordSearch.ts';
import { linkLabel } from './linkLabel.ts';

const SHOWN = 8;

interface Props {
  readonly label: string;
  readonly value: readonly ComplaintLink[];
  readonly onChange: (links: readonly ComplaintLink[]) => void;
  readonly error?: string;
  readonly 'data-path'?: string;
}

/**
 * Names the desk's own records a complaint or a finding concerns, from the keyboard: type a name, a matter, a
 * case number's tail or a slip serial; ↑↓ choose, Enter adds, Backspace in the empty box takes the last one off.
 * Only the link (kind + id) goes into the value; the label is read from this desk's records when drawn.
 */
export function RecordLinkPicker({ label, value, onChange, error, ...rest }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [typed] = useDebouncedValue(query, 150);
  const found = useRecordSearch(db, typed, SHOWN * 2);
  const held = useLinkedRecords(db, value);
  // Only what answers the words now in the box: Enter never adds a record found for what was typed before.
  const answered = query.trim() !== '' && found?.raw === query;
  const hits = answered ? freshHits(found.hits, value, SHOWN) : [];
  const current = Math.min(active, Math.max(hits.length - 1, 0));
  const add = (link: ComplaintLink) => {
    onChange(withLink(value, link));
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Plain keys only: Ctrl+Enter stays the form's own "save".
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length) setActive((current + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      // Enter in this box adds a record; it never submits the form half-filled.
      e.preventDefault();
      const hit = hits[current];
      if (hit) add(hit.link);
    } else if (e.key === 'Escape' && query) {
      e.stopPropagation();
      setQuery('');
    } else if (e.key === 'Backspace' && !query && value.length) {
      onChange(value.slice(0, -1));
    }
  };
  const listId = `${id}-records`;
  return (
    <Stack gap={4} data-path={rest['data-path']}>
      <TextInput
        label={label}
        description={t('complaint.link.hint')}
        placeholder={t('complaint.link.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        error={error}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={hits[current] ? `${listId}-${current}` : undefined}
        autoComplete="off"
      />
      {answered && (
        <Paper withBorder p={4} id={listId} role="listbox" aria-label={t('complaint.link.results')}>
          {hits.map((hit, i) => (
            <UnstyledButton
              key={linkKey(hit.link)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              tabIndex={-1}
              display="block"
              w="100%"
              px="xs"
              py={4}
              bg={i === current ? 'var(--mantine-color-blue-light)' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(hit.link)}
            >
              <Text size="sm">{linkLabel(t, hit.link, hit)}</Text>
            </UnstyledButton>
          ))}
          {hits.length === 0 && <Input.Description px="xs">{t('complaint.link.none')}</Input.Description>}
        </Paper>
      )}
      {/* What is linked sits under the box, where the next Enter adds to it. */}
      {value.length > 0 && (
        <Group gap={6} role="list" aria-label={label}>
          {value.map((link) => {
            const words = linkLabel(t, link, held?.get(linkKey(link)));
            return (
              <Pill
                key={linkKey(link)}
                role="listitem"
                withRemoveButton
                removeButtonProps={{ 'aria-label': t('complaint.link.remove', { record: words }) }}
                onRemove={() => onChange(withoutLink(value, link))}
              >
                {words}
              </Pill>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
