// Everything the UI does: load, select, read, save, sync, add, import…
// Each action calls the api, then updates the store. Errors become state
// (shown inline) or a toast; none escape to the console unhandled.
// The actions live in ./actions/, one module per kind; this module
// re-exports them all, so `import * as actions from "./actions"` sees every one.

export { toast, toastError, errorSentence, dismissToast } from "./actions/toasts";
export { start } from "./actions/startup";
export { loadFeeds, loadCounts, loadAccounts, totalUnread } from "./actions/feeds";
export { addAccount, removeAccount, testAccount } from "./actions/accounts";
export { PAGE_SIZE, loadList, loadMore, refreshAfterChange, selectSource, setView, setSearchInput, applySearch, clearSearch } from "./actions/list";
export { openArticle, closeReader, setRead, setSaved, toggleSavedCurrent, toggleReadCurrent, openOriginal, canShare, share, copyLink, shareTo, openShareMenu, closeShareMenu, setSharePrefs, moveArticle, quit, moveToNextUnread } from "./actions/reader";
export { feedsInSidebarOrder, moveFeed, toggleFolder, addSource, addStarter, removeFeed, editFeed, editFolder, saveFeed, renameFolder, setFeedImportant, moveFeedToFolder, createFolder, deleteFolder, markAllRead, undoMarkAllRead, folderFeedIds } from "./actions/sources";
export { syncAll, retryFeed } from "./actions/sync";
export { importOpml, exportOpml } from "./actions/opml";
export { saveSettings, loadSettings, applySettings, loadRules, addRule, removeRule } from "./actions/settings";
export { openOverlay, closeOverlay, showPane } from "./actions/overlays";
