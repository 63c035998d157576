import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, Button, Chip, Link, List, ListItem, ListItemIcon, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { AttentionGroup, AttentionSeverity } from '../../../src/home/attention-types';
import { formatInteger } from '../../../src/money';

const SHOWN = 5;
const ICONS: Record<AttentionSeverity, React.ReactNode> = {
  error: <ErrorOutlineIcon color="error" fontSize="small" titleAccess="urgent" />,
  warning: <WarningAmberIcon color="warning" fontSize="small" titleAccess="de urmărit" />,
  info: <InfoOutlinedIcon color="info" fontSize="small" titleAccess="informare" />,
};

function GroupCard({ group }: { group: AttentionGroup }) {
  const [showAll, setShowAll] = useState(false);
  const headingId = `atentie-${group.kind}-titlu`;
  const items = showAll ? group.items : group.items.slice(0, SHOWN);
  const count = group.items.length;
  return (
    <Paper component="section" aria-labelledby={headingId} data-testid={`atentie-${group.kind}`} sx={{ p: 2, minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>{group.title}</Typography>
        <Chip data-testid="numar" label={formatInteger(count)} color={count === 0 ? 'default' : group.items.some((i) => i.severity === 'error') ? 'error' : 'warning'} size="small" aria-label={`${formatInteger(count)} ${count === 1 ? 'element' : 'elemente'}`} />
      </Stack>
      {group.note && <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>{group.note}</Typography>}
      {count === 0 ? (
        <Typography variant="body2" color="text.secondary">{group.emptyText}</Typography>
      ) : (
        <List dense disablePadding>
          {items.map((item) => (
            <ListItem key={item.key} disableGutters alignItems="flex-start">
              <ListItemIcon sx={{ minWidth: 28, mt: 0.5 }}>{ICONS[item.severity]}</ListItemIcon>
              <ListItemText
                primary={<Link href={item.href} underline="hover">{item.label}</Link>}
                secondary={item.detail}
                slotProps={{ secondary: { sx: { color: 'text.secondary' } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
      {count > SHOWN && (
        <Button size="small" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? 'Arată mai puține' : `Arată toate (${formatInteger(count)})`}
        </Button>
      )}
    </Paper>
  );
}

/** "Ce necesită atenție": one card per group, each item linking to its record. */
export function AttentionPanel({ groups }: { groups: readonly AttentionGroup[] }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 2, alignItems: 'start' }}>
      {groups.map((g) => <GroupCard key={g.kind} group={g} />)}
    </Box>
  );
}
