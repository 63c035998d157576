import SearchIcon from '@mui/icons-material/Search';
import { Box, Dialog, DialogContent, InputAdornment, List, ListItemButton, ListItemText, ListSubheader, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { resultCountText, searchAll, type SearchEntry } from '../../src/search/global-search';
import { useNavigation, type RouteId } from '../navigation';
import { loadSearchIndex } from '../services/global-search';
import { useStore } from '../store-context';

const PER_GROUP = 5;

/** "Find anything": NGOs, units, requests, rounds, conventions, visits and documents, by name or number. */
export function GlobalSearchDialog({ onClose }: { onClose(): void }) {
  const store = useStore();
  const { navigate } = useNavigation();
  // Built once when the dialog opens (and again only if the data changes while it is open).
  const index = useLiveQuery(() => loadSearchIndex(store), [store]);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => (index ? searchAll(index, deferred, PER_GROUP) : []), [index, deferred]);
  const hits = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [groups]);

  const open = (hit: SearchEntry) => {
    onClose();
    navigate(hit.target.route as RouteId, hit.target.record, hit.target.tab);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) open(hit);
    }
  };
  const optionId = (hit: SearchEntry) => `cautare-${hit.kind}-${hit.id}`;
  const activeHit = hits[active];
  const activeId = activeHit ? optionId(activeHit) : null;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  const counter = !index ? 'Se încarcă…' : deferred.trim() ? resultCountText(groups) : `Căutați în ${index.size.toLocaleString('ro-RO')} de înregistrări`;

  let position = -1;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="cautare-titlu" sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' } }}>
      <DialogContent sx={{ pb: 1 }}>
        <Typography id="cautare-titlu" variant="subtitle2" component="h2" color="text.secondary" sx={{ mb: 1 }}>
          Căutare în toată aplicația
        </Typography>
        <TextField
          autoFocus
          fullWidth
          size="small"
          placeholder="ONG, CUI, unitate, nr. cerere, rundă, convenție, vizită, document…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          slotProps={{
            input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> },
            htmlInput: {
              'aria-label': 'Caută',
              role: 'combobox',
              'aria-expanded': hits.length > 0,
              'aria-controls': 'cautare-rezultate',
              'aria-autocomplete': 'list',
              ...(activeHit ? { 'aria-activedescendant': optionId(activeHit) } : {}),
            },
          }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} role="status" aria-label="Rezultate">
          {counter}
        </Typography>
        <Box sx={{ maxHeight: '60vh', overflow: 'auto', mt: 0.5 }}>
          <List id="cautare-rezultate" role="listbox" aria-label="Rezultatele căutării" dense disablePadding>
            {groups.map((group) => (
              <Box key={group.kind} component="li" role="presentation" sx={{ listStyle: 'none' }}>
                <List disablePadding dense role="group" aria-label={group.label}>
                  <ListSubheader role="presentation" sx={{ lineHeight: '32px' }}>
                    {group.label}
                    {group.total > group.hits.length ? ` — ${group.hits.length} din ${group.total.toLocaleString('ro-RO')}` : ''}
                  </ListSubheader>
                  {group.hits.map((hit) => {
                    position++;
                    const index = position;
                    return (
                      <ListItemButton
                        key={hit.id}
                        id={optionId(hit)}
                        role="option"
                        aria-selected={index === active}
                        selected={index === active}
                        tabIndex={-1}
                        onMouseMove={() => setActive(index)}
                        onClick={() => open(hit)}
                      >
                        <ListItemText primary={hit.title} secondary={hit.detail || undefined} />
                      </ListItemButton>
                    );
                  })}
                </List>
              </Box>
            ))}
          </List>
        </Box>
        <Typography variant="caption" color="text.secondary">↑ ↓ alegeți · Enter deschide · Esc închide</Typography>
      </DialogContent>
    </Dialog>
  );
}
