// Jest stub: office-addin-mock only needs this enum (see jest.config.js).
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    Project: 'project',
    PowerPoint: 'powerpoint',
    Word: 'word',
  },
};
