import { createTheme } from '@mantine/core';

// Large, calm and legible at arm's length: a clerk reads this between two visitors.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, -apple-system, "Segoe UI", sans-serif',
  fontSizes: { xs: '13px', sm: '15px', md: '17px', lg: '19px', xl: '22px' },
  headings: { fontWeight: '600' },
  components: {
    TextInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    // Choosing the selected option again must not silently clear it.
    Select: { defaultProps: { size: 'md', allowDeselect: false } },
    MultiSelect: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
  },
});
