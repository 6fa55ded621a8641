import { ReceiptKind } from '../../../../domain/receipt';
import { UserItemStatus } from '../../../../domain/user-item';
import { WithdrawalRefusal } from '../../../../domain/withdrawal-policy';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A problem page's words: what happened, and what the user can do about it. */
export interface ProblemText {
  title: string;
  explanation: string;
}

/** Every word the panel shows, once per language; a text missing in one language does not compile. */
export interface PanelText {
  /** The language's own name, for the switch. */
  languageName: string;
  /** Intl locale for numbers and dates. */
  intlLocale: string;
  panelTitle: string;
  navPoints: string;
  navItems: string;
  signOut: string;
  signIn: string;
  backToPanel: string;
  balanceTitle: string;
  points: (amount: string) => string;
  debtNotice: string;
  buyPoints: string;
  buyPointsHint: string;
  receiptsTitle: string;
  noReceipts: string;
  columns: { date: string; what: string; change: string; balance: string };
  olderPage: string;
  newestPage: string;
  receiptKinds: Record<ReceiptKind, string>;
  itemsTitle: string;
  noItems: string;
  statuses: Record<UserItemStatus, string>;
  boughtFor: (amount: string) => string;
  boughtAt: (date: string) => string;
  expiresAt: (date: string) => string;
  fromPayment: string;
  withdraw: string;
  withdrawRefunds: (amount: string) => string;
  withdrawalRefusals: Record<WithdrawalRefusal, string>;
  withdrawnNotice: string;
  signedOutTitle: string;
  signedOutText: string;
  problemTitle: string;
  /** Problems by error code; a code without words here shows the API's English message. */
  problems: Partial<Record<string, ProblemText>>;
  problemCode: (code: string) => string;
}

const KO: PanelText = {
  languageName: '한국어',
  intlLocale: 'ko-KR',
  panelTitle: 'Forte 포인트',
  navPoints: '포인트',
  navItems: '아이템',
  signOut: '로그아웃',
  signIn: 'Discord로 로그인',
  backToPanel: '패널로 돌아가기',
  balanceTitle: '보유 포인트',
  points: (amount) => `${amount} 포인트`,
  debtNotice: '환불로 포인트가 마이너스가 되었습니다. 채워질 때까지 포인트를 쓸 수 없습니다.',
  buyPoints: '포인트 충전',
  buyPointsHint: 'Xsolla 결제 페이지로 이동합니다.',
  receiptsTitle: '포인트 내역',
  noReceipts: '아직 포인트 내역이 없습니다.',
  columns: { date: '일시', what: '내용', change: '변동', balance: '잔액' },
  olderPage: '이전 내역 보기',
  newestPage: '최근 내역으로',
  receiptKinds: {
    xsolla_payment: '포인트 충전',
    xsolla_refund: '결제 환불',
    xsolla_balance_operation: '결제 잔액 조정',
    purchase: '아이템 구매',
    withdrawal: '청약철회 환불',
    grant: '지급·차감',
    attendance_box: '출석 상자',
  },
  itemsTitle: '내 아이템',
  noItems: '가진 아이템이 없습니다.',
  statuses: {
    active: '사용 가능',
    consumed: '사용함',
    expired: '기간 만료',
    withdrawn: '청약철회됨',
    refunded: '결제 환불됨',
  },
  boughtFor: (amount) => `${amount} 포인트로 구매`,
  boughtAt: (date) => `구매 ${date}`,
  expiresAt: (date) => `만료 ${date}`,
  fromPayment: '결제로 받은 아이템',
  withdraw: '청약철회',
  withdrawRefunds: (amount) => `${amount} 포인트 환불`,
  withdrawalRefusals: {
    not_withdrawable: '청약철회할 수 없는 아이템입니다.',
    not_active: '이미 사용했거나 기간이 끝났거나 철회·환불된 아이템입니다.',
    too_late: '구매 후 7일이 지나 청약철회할 수 없습니다.',
    daily_limit: '청약철회는 하루에 한 번만 할 수 있습니다. 내일 다시 시도하세요.',
  },
  withdrawnNotice: '청약철회가 끝나 포인트가 환불되었습니다.',
  signedOutTitle: '로그아웃되었습니다',
  signedOutText: '다시 보려면 Discord로 로그인하세요.',
  problemTitle: '요청을 처리하지 못했습니다',
  problems: {
    SIGN_IN_STATE_MISMATCH: {
      title: '로그인을 확인할 수 없습니다',
      explanation:
        '이 로그인 요청은 이 브라우저에서 시작되지 않았거나 너무 오래되었습니다. 처음부터 다시 로그인하세요.',
    },
    DISCORD_CODE_REJECTED: {
      title: 'Discord가 로그인을 거절했습니다',
      explanation: '로그인 코드가 이미 쓰였거나 만료되었습니다. 처음부터 다시 로그인하세요.',
    },
    DISCORD_SIGN_IN_DECLINED: {
      title: '로그인이 취소되었습니다',
      explanation: 'Discord에서 권한 허용을 취소했습니다. 패널을 쓰려면 다시 로그인하세요.',
    },
    DISCORD_UNAVAILABLE: {
      title: 'Discord에 연결할 수 없습니다',
      explanation: '지금은 Discord가 응답하지 않습니다. 잠시 후 다시 로그인하세요.',
    },
    DISCORD_USER_NOT_REGISTERED: {
      title: '가입된 계정이 없습니다',
      explanation:
        '이 Discord 계정으로 가입한 Forte 사용자가 없습니다. 먼저 Discord 서버에서 Forte 봇의 가입 명령으로 가입한 뒤 다시 로그인하세요.',
    },
    SESSION_INVALID: {
      title: '로그인 정보가 올바르지 않습니다',
      explanation: '로그인 정보가 바뀌었거나 만료되어 로그아웃되었습니다. 다시 로그인하세요.',
    },
    SIGNED_OUT: { title: '로그인이 필요합니다', explanation: '로그아웃된 상태입니다. 다시 로그인하세요.' },
    CSRF_TOKEN_INVALID: {
      title: '요청을 확인할 수 없습니다',
      explanation: '이 요청은 패널 화면에서 보낸 것이 아니어서 거절했습니다. 아무것도 바뀌지 않았습니다.',
    },
    USER_NOT_FOUND: { title: '사용자를 찾을 수 없습니다', explanation: '이 계정은 삭제되었습니다.' },
    USER_ITEM_NOT_FOUND: {
      title: '아이템을 찾을 수 없습니다',
      explanation: '내 아이템 목록에 없는 아이템입니다. 아무것도 바뀌지 않았습니다.',
    },
    WITHDRAWAL_NOT_ALLOWED: { title: '청약철회할 수 없습니다', explanation: '아무것도 바뀌지 않았습니다.' },
    BALANCE_OUT_OF_RANGE: { title: '포인트가 너무 많습니다', explanation: '환불하면 보유 한도를 넘습니다.' },
    XSOLLA_UNAVAILABLE: {
      title: '결제 서비스에 연결할 수 없습니다',
      explanation: '지금은 Xsolla가 응답하지 않습니다. 잠시 후 다시 시도하세요.',
    },
    XSOLLA_REJECTED: {
      title: '결제 페이지를 열 수 없습니다',
      explanation: 'Xsolla가 요청을 거절했습니다. 운영자에게 알려 주세요.',
    },
    XSOLLA_NOT_CONFIGURED: {
      title: '포인트 충전을 쓸 수 없습니다',
      explanation: '결제 설정이 아직 되어 있지 않습니다. 운영자에게 알려 주세요.',
    },
    INVALID_CURSOR: { title: '잘못된 페이지입니다', explanation: '처음 페이지부터 다시 보세요.' },
    VALIDATION_FAILED: { title: '잘못된 주소입니다', explanation: '패널의 링크와 버튼을 이용하세요.' },
    ROUTE_NOT_FOUND: { title: '페이지를 찾을 수 없습니다', explanation: '패널의 링크와 버튼을 이용하세요.' },
    BUSY: { title: '요청이 몰려 있습니다', explanation: '잠시 후 다시 시도하세요. 아무것도 바뀌지 않았습니다.' },
    DATABASE_UNAVAILABLE: {
      title: '잠시 서비스를 쓸 수 없습니다',
      explanation: '잠시 후 다시 시도하세요. 아무것도 바뀌지 않았습니다.',
    },
    INTERNAL_ERROR: { title: '서버 오류', explanation: '문제가 보고되었습니다. 잠시 후 다시 시도하세요.' },
  },
  problemCode: (code) => `오류 코드: ${code}`,
};

const EN: PanelText = {
  languageName: 'English',
  intlLocale: 'en-GB',
  panelTitle: 'Forte points',
  navPoints: 'Points',
  navItems: 'Items',
  signOut: 'Sign out',
  signIn: 'Sign in with Discord',
  backToPanel: 'Back to the panel',
  balanceTitle: 'Your points',
  points: (amount) => `${amount} points`,
  debtNotice: 'A refund took your balance below zero; you cannot spend points until it is back above.',
  buyPoints: 'Buy points',
  buyPointsHint: "Opens Xsolla's payment page.",
  receiptsTitle: 'Points history',
  noReceipts: 'No points history yet.',
  columns: { date: 'Date', what: 'What', change: 'Change', balance: 'Balance' },
  olderPage: 'Older entries',
  newestPage: 'Back to the newest',
  receiptKinds: {
    xsolla_payment: 'Points bought',
    xsolla_refund: 'Payment refunded',
    xsolla_balance_operation: 'Payment balance adjusted',
    purchase: 'Item bought',
    withdrawal: 'Withdrawal refund',
    grant: 'Granted or deducted',
    attendance_box: 'Attendance box',
  },
  itemsTitle: 'My items',
  noItems: 'You have no items.',
  statuses: { active: 'Active', consumed: 'Used', expired: 'Expired', withdrawn: 'Withdrawn', refunded: 'Refunded' },
  boughtFor: (amount) => `Bought for ${amount} points`,
  boughtAt: (date) => `Bought ${date}`,
  expiresAt: (date) => `Expires ${date}`,
  fromPayment: 'Came with a payment',
  withdraw: 'Withdraw (refund)',
  withdrawRefunds: (amount) => `Refunds ${amount} points`,
  withdrawalRefusals: {
    not_withdrawable: 'This item cannot be withdrawn.',
    not_active: 'This item is used, expired, withdrawn or refunded.',
    too_late: 'More than 7 days have passed since you bought it.',
    daily_limit: 'You can withdraw one purchase a day; try again tomorrow.',
  },
  withdrawnNotice: 'Withdrawn: your points were refunded.',
  signedOutTitle: 'You are signed out',
  signedOutText: 'Sign in with Discord to see your points again.',
  problemTitle: 'That did not work',
  problems: {
    SIGN_IN_STATE_MISMATCH: {
      title: 'The sign-in could not be verified',
      explanation: 'This sign-in did not start in this browser, or it is too old. Start again.',
    },
    DISCORD_CODE_REJECTED: {
      title: 'Discord refused the sign-in',
      explanation: 'The sign-in code was already used or has expired. Start again.',
    },
    DISCORD_SIGN_IN_DECLINED: {
      title: 'Sign-in cancelled',
      explanation: 'You cancelled on Discord. Sign in again to use the panel.',
    },
    DISCORD_UNAVAILABLE: {
      title: 'Discord cannot be reached',
      explanation: 'Discord is not answering right now. Try signing in again shortly.',
    },
    DISCORD_USER_NOT_REGISTERED: {
      title: 'No account yet',
      explanation:
        "No Forte user is registered with this Discord account. Register first with the Forte bot's sign-up command on your Discord server, then sign in again.",
    },
    SESSION_INVALID: {
      title: 'Your session is not valid',
      explanation: 'Your sign-in was altered or has expired, so you were signed out. Sign in again.',
    },
    SIGNED_OUT: { title: 'Please sign in', explanation: 'You are signed out. Sign in again.' },
    CSRF_TOKEN_INVALID: {
      title: 'The request could not be verified',
      explanation: 'It was not sent from the panel, so it was refused. Nothing changed.',
    },
    USER_NOT_FOUND: { title: 'No such user', explanation: 'This account has been deleted.' },
    USER_ITEM_NOT_FOUND: {
      title: 'No such item',
      explanation: 'That item is not in your inventory. Nothing changed.',
    },
    WITHDRAWAL_NOT_ALLOWED: { title: 'This purchase cannot be withdrawn', explanation: 'Nothing changed.' },
    BALANCE_OUT_OF_RANGE: { title: 'Too many points', explanation: 'The refund would pass the largest balance.' },
    XSOLLA_UNAVAILABLE: {
      title: 'The payment service cannot be reached',
      explanation: 'Xsolla is not answering right now. Try again shortly.',
    },
    XSOLLA_REJECTED: {
      title: 'The payment page cannot be opened',
      explanation: 'Xsolla refused the request. Please tell an operator.',
    },
    XSOLLA_NOT_CONFIGURED: {
      title: 'Buying points is not available',
      explanation: 'Payments are not set up yet. Please tell an operator.',
    },
    INVALID_CURSOR: { title: 'No such page', explanation: 'Start again from the first page.' },
    VALIDATION_FAILED: { title: 'Not a panel address', explanation: "Use the panel's links and buttons." },
    ROUTE_NOT_FOUND: { title: 'Page not found', explanation: "Use the panel's links and buttons." },
    BUSY: { title: 'Too busy right now', explanation: 'Try again in a moment. Nothing changed.' },
    DATABASE_UNAVAILABLE: {
      title: 'Temporarily unavailable',
      explanation: 'Try again in a moment. Nothing changed.',
    },
    INTERNAL_ERROR: { title: 'Server error', explanation: 'It has been reported. Try again shortly.' },
  },
  problemCode: (code) => `Error code: ${code}`,
};

export const PANEL_TEXT: Record<Locale, PanelText> = { ko: KO, en: EN };
