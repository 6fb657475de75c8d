// 简体中文：本人登录验证（issue 11）——联网登录、离线登录、锁定，须本人联网登录的决定，以及记录的登录方式。
export const zhCNAuth = {
  signIn: {
    emptySecret: '请输入 PIN 码或密码。',
    wrongSecret: 'PIN 码或密码不正确。再错 {{remaining}} 次，本窗口将暂停您登录 15 分钟。',
    locked: '输错次数过多，您在本窗口的登录已暂停，请于 {{time}} 以后再试。',
    throttled: '登录尝试过于频繁，服务器暂停受理，请 {{minutes}} 分钟后再试。',
    privilegedNeedsNetwork:
      '局领导、监督人员和系统管理员每次登录都须联网，由服务器验证本人。现在连不上服务器，请检查网络后再试。',
    firstNeedsNetwork: '在本窗口第一次登录须联网，由服务器验证本人。现在连不上服务器，请检查网络后再试。',
    deskRefused: '服务器不接受本窗口，暂时无法登录：{{message}}',
    signedInOffline: '服务器暂时连不上，已凭本窗口留存的验证信息登录。联网恢复前，您办理的事项记为“本窗口记录”。',
    failed: '登录未完成：{{message}}',
  },
  signedInOfflineBadge: '离线登录',
  privileged: {
    title: '须联网由本人登录',
    needsSession:
      '此决定须联网并由本人登录验证后才能作出。您当前未经服务器验证登录（离线登录或登录已过期），本次未保存任何内容。请联网后锁定本机，再用本人密码重新登录。',
  },
  authorship: {
    proven: '已由服务器验证本人登录',
    attested: '本窗口记录（离线登录，未经服务器验证）',
  },
};
